import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  Incident,
  PostmortemDetails,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { IncidentDocument } from '../postmortems/IncidentDocumentSource';

/** "Now" of the incidents tests: Monday 30 November 2026, noon UTC. */
export const NOW = new Date('2026-11-30T12:00:00.000Z');
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** An instant `days` (and `hours`) before NOW, as ISO 8601. */
export function daysAgo(days: number, hours = 0): string {
  return new Date(
    NOW.getTime() - days * DAY_MS - hours * HOUR_MS,
  ).toISOString();
}

/** An embedded incident that started `startedDaysAgo` days before NOW, acknowledged after 5 minutes and resolved after 2 hours. */
export function incident(
  id: string,
  overrides: Partial<Incident> & { startedDaysAgo?: number } = {},
): Incident {
  const { startedDaysAgo = 3, ...rest } = overrides;
  const start = NOW.getTime() - startedDaysAgo * DAY_MS;
  return {
    id,
    source: 'embedded',
    title: `Incident ${id}`,
    severity: 'sev2',
    status: 'resolved',
    startedAt: new Date(start).toISOString(),
    acknowledgedAt: new Date(start + 5 * 60_000).toISOString(),
    resolvedAt: new Date(start + 2 * HOUR_MS).toISOString(),
    url: `https://status.example.com/incidents/${id}`,
    ...rest,
  };
}

/** A service component of the checkout-payments team. */
export function serviceEntity(
  name = 'checkout-api',
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [ANNOTATIONS.runbooks]: './runbooks/',
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/checkout-payments',
      lifecycle: 'production',
    },
  };
}

/** The owning team, in the given time zone (annotation absent when undefined), with further annotations. */
export function teamEntity(
  timeZone?: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'checkout-payments',
      namespace: 'default',
      annotations: {
        ...(timeZone ? { [ANNOTATIONS.timeZone]: timeZone } : {}),
        ...annotations,
      },
    },
    spec: { type: 'team', children: [] },
  };
}

/** A document of an entity as the runbooks area loads it. */
export function document(
  id: string,
  overrides: Partial<RunbookEntry> = {},
  details?: Partial<PostmortemDetails>,
): IncidentDocument {
  return {
    entry: {
      id,
      title: `Postmortem ${id}`,
      kind: 'postmortem',
      answers: [],
      owner: 'group:default/checkout-payments',
      lastReviewed: '2026-11-20',
      stale: false,
      url: `https://git.example.com/${id}.md`,
      source: 'markdown',
      location: `runbooks/${id}.md`,
      error: null,
      ...overrides,
    },
    details: details
      ? { incidents: [], actionItems: [], launchDate: null, ...details }
      : undefined,
  };
}
