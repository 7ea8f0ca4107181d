import {
  RUNBOOK_KINDS,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod/v3';

/** One runbook in an action's output. */
export function runbookSchema(zod: typeof z) {
  return zod.object({
    id: zod.string(),
    title: zod.string(),
    kind: zod.enum(RUNBOOK_KINDS),
    url: zod
      .string()
      .nullable()
      .describe('Where to open it (http(s) URL or a path in the portal)'),
    answers: zod
      .array(zod.string())
      .describe('SLO and alert names this runbook is written for'),
    lastReviewed: zod.string().nullable(),
    stale: zod
      .boolean()
      .describe('Not reviewed recently: check it against the current system'),
    error: zod.string().nullable(),
  });
}

/** Runbook output of an action. */
export type RunbookOutput = z.infer<ReturnType<typeof runbookSchema>>;

/** A runbook as an action outputs it. */
export function runbookOutput(entry: RunbookEntry): RunbookOutput {
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    url: entry.url,
    answers: entry.answers,
    lastReviewed: entry.lastReviewed,
    stale: entry.stale,
    error: entry.error,
  };
}
