import { SloSummary } from '@internal/backstage-plugin-reliability-common';

/** The SLO state of a group of entities (a System with its components, a Domain with its systems). */
export type SloRollUp = Pick<
  SloSummary,
  'sloCount' | 'worstBudgetRemaining' | 'alerting' | 'stale'
>;

const SEVERITY = { page: 2, ticket: 1 } as const;

/**
 * Rolls SLO states up: the SLOs of every part counted, the **lowest** budget remaining of any of them (a system
 * is only as healthy as its worst-off SLO), the most severe alert firing, stale when any part is. Parts without
 * SLO data (undefined) are left out; undefined when none has any.
 */
export function rollUpSlos(
  parts: Iterable<SloRollUp | null | undefined>,
): SloRollUp | undefined {
  let rolled: SloRollUp | undefined;
  for (const part of parts) {
    if (!part) continue;
    if (!rolled) {
      rolled = {
        sloCount: 0,
        worstBudgetRemaining: null,
        alerting: null,
        stale: false,
      };
    }
    rolled.sloCount += part.sloCount;
    const budget = part.worstBudgetRemaining;
    if (
      budget !== null &&
      Number.isFinite(budget) &&
      (rolled.worstBudgetRemaining === null ||
        budget < rolled.worstBudgetRemaining)
    ) {
      rolled.worstBudgetRemaining = budget;
    }
    if (
      part.alerting &&
      (!rolled.alerting || SEVERITY[part.alerting] > SEVERITY[rolled.alerting])
    ) {
      rolled.alerting = part.alerting;
    }
    rolled.stale = rolled.stale || part.stale;
  }
  return rolled;
}
