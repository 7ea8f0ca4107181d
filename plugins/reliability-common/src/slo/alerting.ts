import {
  burnRate,
  errorBudgetFraction,
  EventCounts,
  sanitizeCounts,
} from './math';
import { BurnRateAlertCondition } from './types';

const HOUR = 3600;
const MINUTE = 60;

/**
 * The SRE workbook's recommended multiwindow, multi-burn-rate alerts for a 30-day SLO
 * (chapter 5, "Alerting on SLOs"): page at 14.4x over 1h and 5m (2% of the budget),
 * page at 6x over 6h and 30m (5%), ticket at 1x over 3d and 6h (10%).
 * Only right for 30-day windows: SLOs without alert policies get `defaultMultiwindowAlerts(window)`,
 * the same budget shares sized for their own window.
 *
 * @public
 */
export const WORKBOOK_MULTIWINDOW_ALERTS: BurnRateAlertCondition[] = [
  {
    name: 'page-fast-burn',
    severity: 'page',
    burnRateThreshold: 14.4,
    longWindowSeconds: 1 * HOUR,
    shortWindowSeconds: 5 * MINUTE,
  },
  {
    name: 'page-medium-burn',
    severity: 'page',
    burnRateThreshold: 6,
    longWindowSeconds: 6 * HOUR,
    shortWindowSeconds: 30 * MINUTE,
  },
  {
    name: 'ticket-slow-burn',
    severity: 'ticket',
    burnRateThreshold: 1,
    longWindowSeconds: 72 * HOUR,
    shortWindowSeconds: 6 * HOUR,
  },
];

/** The state of one burn-rate alert condition. @public */
export interface BurnRateAlertEvaluation {
  condition: BurnRateAlertCondition;
  /** True only when both the long- and the short-window burn rates reach the threshold. */
  firing: boolean;
  /** Burn rates over the two windows; null when unknown (no traffic) or unbounded (see `unboundedBurn`). */
  longBurnRate: number | null;
  shortBurnRate: number | null;
  /** True when a window saw bad events against a zero error budget (100% target): an unbounded burn. */
  unboundedBurn: boolean;
}

function reaches(value: number | null, threshold: number): boolean {
  return (
    value !== null &&
    (Number.isFinite(value) || value === Number.POSITIVE_INFINITY) &&
    value >= threshold
  );
}

function reported(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * The burn rate alert evaluation compares with thresholds: `burnRate`, except that bad events against a
 * zero error budget (a 100% target) are an unbounded burn, `Infinity`, which reaches every threshold
 * (`burnRate` says null: the ratio is undefined). Only for comparisons and `formatBurnRate`; never store it
 * (evaluations report it as null with `unboundedBurn`). Null without traffic.
 *
 * @public
 */
export function alertingBurnRate(
  counts: EventCounts,
  target: number,
): number | null {
  const rate = burnRate(counts, target);
  if (rate !== null) {
    return rate;
  }
  const { good, total } = sanitizeCounts(counts);
  return total > 0 && good < total && errorBudgetFraction(target) === 0
    ? Number.POSITIVE_INFINITY
    : null;
}

/**
 * Evaluates multiwindow burn-rate alerts. `burnRateOver(windowSeconds)` returns the burn rate over the
 * last `windowSeconds` (null when unknown, e.g. no traffic; `Infinity` for an unbounded burn, see
 * `alertingBurnRate`). A condition fires only when BOTH windows burn at or above its threshold: the long
 * window proves the budget is really being spent, the short one that it still is (so the alert resets
 * soon after the problem stops).
 *
 * @public
 */
export function evaluateBurnRateAlerts(
  conditions: BurnRateAlertCondition[],
  burnRateOver: (windowSeconds: number) => number | null,
): BurnRateAlertEvaluation[] {
  return conditions.map(condition => {
    const longBurnRate = burnRateOver(condition.longWindowSeconds);
    const shortBurnRate = burnRateOver(condition.shortWindowSeconds);
    return {
      condition,
      firing:
        reaches(longBurnRate, condition.burnRateThreshold) &&
        reaches(shortBurnRate, condition.burnRateThreshold),
      longBurnRate: reported(longBurnRate),
      shortBurnRate: reported(shortBurnRate),
      unboundedBurn:
        longBurnRate === Number.POSITIVE_INFINITY ||
        shortBurnRate === Number.POSITIVE_INFINITY,
    };
  });
}

/**
 * `evaluateBurnRateAlerts` from event counts: `countsOver(windowSeconds)` gives the counts of the last
 * `windowSeconds` (undefined or null when unknown). Burn rates are `alertingBurnRate`s, so a 100% target
 * alerts on any bad event in both windows instead of never.
 *
 * @public
 */
export function evaluateBurnRateAlertsOnCounts(
  conditions: BurnRateAlertCondition[],
  countsOver: (windowSeconds: number) => EventCounts | null | undefined,
  target: number,
): BurnRateAlertEvaluation[] {
  return evaluateBurnRateAlerts(conditions, windowSeconds => {
    const counts = countsOver(windowSeconds);
    return counts ? alertingBurnRate(counts, target) : null;
  });
}

/** The most severe firing condition's severity: `page` over `ticket`; null when nothing fires. @public */
export function mostSevereFiring(
  evaluations: BurnRateAlertEvaluation[],
): 'page' | 'ticket' | null {
  const firing = evaluations.filter(evaluation => evaluation.firing);
  if (firing.some(evaluation => evaluation.condition.severity === 'page')) {
    return 'page';
  }
  return firing.length > 0 ? 'ticket' : null;
}
