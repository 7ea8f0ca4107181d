import { SloObjective } from '@internal/backstage-plugin-reliability-common';
import { InputError } from '@backstage/errors';

/** Placeholder replaced by the range of the interval (e.g. `3600s`) in full PromQL expressions. */
export const WINDOW_PLACEHOLDER = '{{.window}}';

const SELECTOR = /^(?:[a-zA-Z_:][a-zA-Z0-9_:]*\s*)?(?:\{.*\})?$/s;

const COMPARISON: Record<NonNullable<SloObjective['op']>, string> = {
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/**
 * The PromQL for the number of events a counter query counted in the `rangeSeconds` before the
 * evaluation time:
 * - a series selector (`http_requests_total{job="api",code!~"5.."}`) becomes
 *   `sum(increase(<selector>[<range>s]))`;
 * - an expression containing `{{.window}}` is used as written, with the placeholder replaced by the
 *   range (e.g. `sum(increase(a_total[{{.window}}])) - sum(increase(b_total[{{.window}}]))`).
 */
export function counterIncreaseQuery(
  query: string,
  rangeSeconds: number,
): string {
  const trimmed = query.trim();
  if (trimmed.includes(WINDOW_PLACEHOLDER)) {
    return trimmed.split(WINDOW_PLACEHOLDER).join(`${rangeSeconds}s`);
  }
  if (!trimmed || !SELECTOR.test(trimmed)) {
    throw new InputError(
      `'${trimmed}' is neither a counter selector (like http_requests_total{code!~"5.."}) nor an expression using ${WINDOW_PLACEHOLDER}`,
    );
  }
  return `sum(increase(${trimmed}[${rangeSeconds}s]))`;
}

/**
 * PromQL counting, over the `rangeSeconds` before the evaluation time, the samples of a gauge query
 * taken every `stepSeconds` (a subquery), and how many of them meet the objective (`<op> bool <value>`).
 * The subquery range is left-open, so a window [from, to) has exactly range/step points.
 */
export function thresholdQueries(
  query: string,
  objective: Required<Pick<SloObjective, 'op' | 'value'>>,
  rangeSeconds: number,
  stepSeconds: number,
): { good: string; total: string } {
  const expression = query.trim();
  if (!expression || expression.includes(WINDOW_PLACEHOLDER)) {
    throw new InputError(
      'a threshold SLI query must be an instant-vector expression without {{.window}}',
    );
  }
  const range = `${rangeSeconds * 1000 - 1}ms:${stepSeconds}s`;
  return {
    good: `sum(sum_over_time(((${expression}) ${
      COMPARISON[objective.op]
    } bool ${objective.value})[${range}]))`,
    total: `sum(count_over_time((${expression})[${range}]))`,
  };
}
