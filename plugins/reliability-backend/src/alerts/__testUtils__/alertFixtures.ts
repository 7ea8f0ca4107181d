import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RunbookEntry,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';

/** The instant tests treat as "now". */
export const NOW = new Date('2026-11-30T12:00:00.000Z');
const HOUR_MS = 3600_000;

/** An ISO time `hours` before NOW. */
export function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * HOUR_MS).toISOString();
}

/** A source alert with plausible values. */
export function sourceAlert(
  id: string,
  overrides: Partial<SourceAlert> = {},
): SourceAlert {
  return {
    id,
    name: id.split('/').pop()!,
    state: 'ok',
    severity: 'critical',
    pages: true,
    labels: {},
    runbookUrl: null,
    description: null,
    url: null,
    query: null,
    ...overrides,
  };
}

/** A catalog entity of the given kind with annotations, relations and spec. */
export function entity(
  kind: 'Component' | 'Resource' | 'Group' | 'System',
  name: string,
  options: {
    tier?: string;
    owner?: string;
    annotations?: Record<string, string>;
    dependsOn?: string[];
    dependencyOf?: string[];
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${kind}-${name}`,
      annotations: {
        ...(options.tier ? { [ANNOTATIONS.tier]: options.tier } : {}),
        ...options.annotations,
      },
    },
    spec: {
      type: kind === 'Resource' ? 'database' : 'service',
      ...(options.owner ? { owner: options.owner } : {}),
    },
    relations: [
      ...(options.owner ? [{ type: 'ownedBy', targetRef: options.owner }] : []),
      ...(options.dependsOn ?? []).map(targetRef => ({
        type: 'dependsOn',
        targetRef,
      })),
      ...(options.dependencyOf ?? []).map(targetRef => ({
        type: 'dependencyOf',
        targetRef,
      })),
    ],
  };
}

/** A runbook of an entity answering the given alert names. */
export function runbookEntry(
  id: string,
  answers: string[],
  overrides: Partial<RunbookEntry> = {},
): RunbookEntry {
  return {
    id,
    title: `Runbook ${id}`,
    kind: 'runbook',
    answers,
    owner: null,
    lastReviewed: '2026-11-01',
    stale: false,
    url: `https://wiki.example.com/${id}`,
    source: 'link',
    location: null,
    error: null,
    ...overrides,
  };
}
