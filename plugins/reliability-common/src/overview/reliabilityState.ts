import { SloSummary } from './summaries';
import { ReliabilityState } from './tour';

/** Budget remaining (ratio) under which a service counts as at risk. @public */
export const AT_RISK_BUDGET_REMAINING = 0.25;

/**
 * Reliability state of an entity from its SLO summary: `breaching` when a page-level burn-rate alert fires or
 * the error budget is exhausted, `at-risk` when a ticket-level alert fires or less than a quarter of the budget
 * is left, `ok` otherwise; `unknown` without SLOs or SLO data.
 *
 * @public
 */
export function reliabilityStateOf(
  summary:
    | Pick<SloSummary, 'sloCount' | 'worstBudgetRemaining' | 'alerting'>
    | undefined
    | null,
): ReliabilityState {
  if (!summary || summary.sloCount === 0) {
    return 'unknown';
  }
  const budget = summary.worstBudgetRemaining;
  const hasBudget = budget !== null && Number.isFinite(budget);
  if (summary.alerting === 'page' || (hasBudget && budget <= 0)) {
    return 'breaching';
  }
  if (
    summary.alerting === 'ticket' ||
    (hasBudget && budget < AT_RISK_BUDGET_REMAINING)
  ) {
    return 'at-risk';
  }
  return hasBudget ? 'ok' : 'unknown';
}
