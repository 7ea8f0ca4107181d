import {
  OverviewPage,
  reliabilityStateOf,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import { STATE_ORDER } from '../overview/ReliabilityStateChip';

/** Most owners the home widgets ask about (one request each); the rest are left out and reported. */
export const MAX_OWNERS = 20;

/** The services of the signed-in user's owners, worst first, and whether some were left out. */
export interface OwnedServices {
  services: ServiceOverviewRow[];
  /** Owners whose services did not fit in one overview page, or owners beyond {@link MAX_OWNERS}. */
  truncated: boolean;
}

/**
 * Merges the overview pages of several owners into one list: each service once (a service can be owned
 * through several refs), breaching first, then at risk, then without data, then OK; the smallest budget
 * left first within a state, then by name.
 */
export function mergeOwnedServices(
  pages: OverviewPage[],
  ownersLeftOut = false,
): OwnedServices {
  const byRef = new Map<string, ServiceOverviewRow>();
  for (const page of pages) {
    for (const row of page.items) {
      if (!byRef.has(row.entityRef)) byRef.set(row.entityRef, row);
    }
  }
  const budget = (row: ServiceOverviewRow) =>
    row.slo?.worstBudgetRemaining ?? Number.POSITIVE_INFINITY;
  const services = [...byRef.values()].sort(
    (a, b) =>
      STATE_ORDER[reliabilityStateOf(a.slo)] -
        STATE_ORDER[reliabilityStateOf(b.slo)] ||
      budget(a) - budget(b) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return {
    services,
    truncated:
      ownersLeftOut || pages.some(page => Boolean(page.pageInfo.nextCursor)),
  };
}
