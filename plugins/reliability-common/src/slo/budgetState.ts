/**
 * The state of an error budget from its remaining share:
 * `unknown` without data, `exhausted` when nothing is left (0: exactly spent, or a 100% target after any
 * bad event; below 0: overspent), `available` otherwise.
 *
 * @public
 */
export type ErrorBudgetState = 'unknown' | 'available' | 'exhausted';

/** See `ErrorBudgetState`. Takes `budgetRemaining` of a status (or `budgetRemainingRatio`). @public */
export function errorBudgetState(
  budgetRemaining: number | null | undefined,
): ErrorBudgetState {
  if (
    budgetRemaining === null ||
    budgetRemaining === undefined ||
    Number.isNaN(budgetRemaining) ||
    budgetRemaining === Number.POSITIVE_INFINITY
  ) {
    return 'unknown';
  }
  return budgetRemaining <= 0 ? 'exhausted' : 'available';
}
