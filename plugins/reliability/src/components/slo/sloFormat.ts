import {
  BudgetingMethod,
  formatDuration,
  SloAlertState,
  SloStatus,
  SloWindow,
} from '@internal/backstage-plugin-reliability-common';

// Numbers are formatted by -common (formatAttainment, formatRatio, formatBurnRate, formatBurnRateThreshold,
// formatBudgetRemaining, formatDuration, explainBurnRateCondition); this file only holds words.

/** The SLO window in words, e.g. "rolling 30d" or "calendar 1 Month". */
export function describeWindow(window: SloWindow): string {
  return window.kind === 'rolling'
    ? `rolling ${formatDuration(window.durationSeconds)}`
    : `calendar ${window.count} ${window.unit}${window.count > 1 ? 's' : ''} (${
        window.timeZone
      })`;
}

/**
 * The headline (1h) burn rate as `formatBurnRate` reads it: the status's `burnRate`, or +Infinity when that
 * window saw bad events against a zero budget (100% target, `unboundedBurn`), which it shows as `unbounded`.
 */
export function headlineBurnRate(
  status: Pick<SloStatus, 'burnRate' | 'burnRates'> | null | undefined,
): number | null {
  if (!status) return null;
  const oneHour = status.burnRates.find(w => w.windowSeconds === 3600);
  return oneHour?.unboundedBurn ? Number.POSITIVE_INFINITY : status.burnRate;
}

/**
 * What a target counts, after the percentage: events (nothing), ` of time slices` (slice counts), or
 * ` averaged over time slices` (RatioTimeslices).
 */
export function targetUnitText(measured: {
  budgetingMethod?: BudgetingMethod;
  countUnit?: 'events' | 'slices';
}): string {
  if (measured.budgetingMethod === 'RatioTimeslices') {
    return ' averaged over time slices';
  }
  return measured.countUnit === 'slices' ||
    measured.budgetingMethod === 'Timeslices'
    ? ' of time slices'
    : '';
}

/** Budget bar colour: healthy, warning, critical. */
export function budgetLevel(
  remaining: number | null,
): 'ok' | 'warning' | 'critical' | 'unknown' {
  if (remaining === null || !Number.isFinite(remaining)) return 'unknown';
  if (remaining < 0.2) return 'critical';
  if (remaining < 0.5) return 'warning';
  return 'ok';
}

/** Human label of an alert state. */
export const ALERT_STATE_LABEL: Record<SloAlertState, string> = {
  page: 'Paging',
  ticket: 'Ticket',
  ok: 'No alert',
  unknown: 'No data',
};

/** Short explanations shown as tooltips, for people new to SLOs. */
export const SLO_HELP = {
  target:
    'The objective: the share of events that must be good over the SLO window (e.g. 99.9% of requests succeed).',
  attainment:
    'Attainment = good events ÷ total events over the SLO window, rounded down. The SLO is met while good ≥ target × total.',
  budget:
    'Error budget = (1 − target) × total events: the bad events the target allows. Remaining = 1 − bad ÷ allowed. ' +
    'At 0% it is exhausted, below 0% the SLO is breached for this window. A 100% target has no budget: one bad event exhausts it.',
  burnRate:
    'Burn rate = error rate ÷ (1 − target), over the last hour. 1× spends exactly the budget over the window; ' +
    '14.4× spends 2% of a 30-day budget in one hour.',
  alert:
    'Multiwindow burn-rate alerts (SRE workbook): an alert fires only when both its long and short window burn ' +
    'at or above its threshold. Page = wake someone up; ticket = handle during work hours.',
  thresholds:
    'The SLO’s own alert policies, or, without any, the SRE workbook’s alerts sized for its window: page at 2% of ' +
    'the budget in 1h or 5% in 6h, ticket at 10% in 3d. Threshold = share × window ÷ alert window, never below 1×.',
  exhaustion:
    'Time until the remaining budget is gone if the last hour’s burn rate continues.',
};
