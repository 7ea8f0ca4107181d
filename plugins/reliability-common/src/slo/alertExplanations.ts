import { formatBurnRateThreshold, formatDuration, formatRatio } from './format';
import { burnRateForBudgetConsumption } from './math';
import { BurnRateAlertCondition, SloWindow } from './types';

const DAY = 86400;

/** Nominal length of each calendar unit, used to size alert thresholds (a month is 30 days, as in the workbook). */
const NOMINAL_UNIT_SECONDS: Record<
  Extract<SloWindow, { kind: 'calendar' }>['unit'],
  number
> = {
  Day: DAY,
  Week: 7 * DAY,
  Month: 30 * DAY,
  Quarter: 90 * DAY,
  Year: 365 * DAY,
};

/**
 * The length alert thresholds of an SLO window are derived from: a rolling window's length; for calendar
 * windows a nominal one (day, week, month = 30 days, quarter = 90 days, year = 365 days, times the count),
 * so thresholds do not change from one month to the next.
 *
 * @public
 */
export function nominalWindowSeconds(window: SloWindow): number {
  return window.kind === 'rolling'
    ? window.durationSeconds
    : window.count * NOMINAL_UNIT_SECONDS[window.unit];
}

/** The window as an adjective for "a ... budget": `7-day`, `12-hour`, `1-month (30 days)`. */
export function windowBudgetNoun(window: SloWindow): string {
  if (window.kind === 'calendar') {
    const days = nominalWindowSeconds(window) / DAY;
    return `${window.count}-${window.unit.toLowerCase()} (${days} days)`;
  }
  const seconds = window.durationSeconds;
  for (const [unit, size] of [
    ['day', DAY],
    ['hour', 3600],
    ['minute', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}-${unit}`;
  }
  return `${seconds}-second`;
}

/**
 * Why a burn-rate condition's threshold is what it is, as the share of the SLO window's budget it spends
 * over its long window: `2% of a 30-day budget in 1h = 14.4×`. Uses the condition's own `explanation`
 * when it has one (the default alerts do).
 *
 * @public
 */
export function explainBurnRateCondition(
  condition: BurnRateAlertCondition,
  window: SloWindow,
): string {
  if (condition.explanation) {
    return condition.explanation;
  }
  const share = burnRateForBudgetConsumption(
    condition.burnRateThreshold,
    nominalWindowSeconds(window),
    condition.longWindowSeconds,
  );
  return `${formatRatio(share, 2)} of a ${windowBudgetNoun(
    window,
  )} budget in ${formatDuration(
    condition.longWindowSeconds,
  )} = ${formatBurnRateThreshold(condition.burnRateThreshold)}`;
}
