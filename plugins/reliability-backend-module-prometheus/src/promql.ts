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

/** Bounds of how far before the interval a series' last sample is looked for. */
const MIN_LOOKBACK_SECONDS = 3600;
const MAX_LOOKBACK_SECONDS = 86_400;

/**
 * PromQL for the events a counter selector counted in the `rangeSeconds` before the evaluation time, at scrape
 * resolution and without `increase()`'s extrapolation, per series:
 *
 * - no reset inside the interval and a last sample in the lookback before it (`start`): last sample in the
 *   interval minus `start`;
 * - no reset inside the interval, but no `start` (the series appeared inside the interval, e.g. a sparse
 *   `code="500"` series created by its first error) or a drop from `start` (a restart just before the first
 *   sample): the last sample, counted from zero;
 * - a reset inside the interval: `increase()` (Prometheus estimates both edges of the interval from the
 *   series' average rate, so this one series is approximate).
 *
 * The lookback is the interval's length, at least an hour and at most a day.
 */
export function exactCounterQuery(
  selector: string,
  rangeSeconds: number,
): string {
  const lookback = Math.min(
    Math.max(rangeSeconds, MIN_LOOKBACK_SECONDS),
    MAX_LOOKBACK_SECONDS,
  );
  const range = `${selector}[${rangeSeconds}s]`;
  const end = `last_over_time(${range})`;
  const start = `last_over_time(${selector}[${lookback}s] offset ${rangeSeconds}s)`;
  const sinceStart = `(${end} - ${start}) and (min_over_time(${range}) >= ${start})`;
  const withoutReset = `((${sinceStart}) or ${end}) and (resets(${range}) == 0)`;
  return `sum((${withoutReset}) or increase(${range}))`;
}

/**
 * The PromQL for the number of events a counter query counted in the `rangeSeconds` before the
 * evaluation time:
 * - a series selector (`http_requests_total{job="api",code!~"5.."}`) becomes `exactCounterQuery`;
 * - an expression containing `{{.window}}` is used as written, with the placeholder replaced by the
 *   range (e.g. `sum(increase(a_total[{{.window}}])) - sum(increase(b_total[{{.window}}]))`); it is as
 *   exact as the functions it uses (`increase()` extrapolates at the edges of the interval).
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
  return exactCounterQuery(trimmed, rangeSeconds);
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
