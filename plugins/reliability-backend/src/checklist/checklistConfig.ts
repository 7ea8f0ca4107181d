import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Settings of the checklist area, read from `reliability.checklist.*`. */
export interface ChecklistSettings {
  /** YAML file replacing or extending the default checklist. */
  file?: string;
  /** Whether `file` extends the default checklist (true) or replaces it (false). */
  extend: boolean;
  /** Default validity of a self-assessed answer, in days. */
  answerValidityDays: number;
  /** Share of SLO alerts (0..1) that must link a runbook for `runbook-coverage` to pass. */
  runbookCoverageThreshold: number;
  /** Days after an entity left the catalog before its checklist history is deleted. */
  retentionDays: number;
  /** How often scores are re-evaluated (expiry, automatic checks) and retention applied, in minutes. */
  refreshIntervalMinutes: number;
}

const settingsSchema = z.strictObject({
  file: z.string().min(1).max(1024).optional(),
  extend: z.boolean().default(false),
  answerValidityDays: z.number().int().min(1).max(1095).default(180),
  runbookCoverageThreshold: z.number().min(0).max(1).default(1),
  retentionDays: z.number().int().min(1).max(3650).default(90),
  refreshIntervalMinutes: z.number().int().min(5).max(1440).default(60),
});

/** Reads and validates `reliability.checklist`; throws a clear error at startup when it is invalid. */
export function readChecklistSettings(config: Config): ChecklistSettings {
  const raw = config.getOptional('reliability.checklist') ?? {};
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    throw new InputError(
      `Invalid reliability.checklist configuration: ${result.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}
