import {
  formatDuration,
  formatRatio,
  NO_VALUE,
  SloAlertState,
  SloWindow,
} from '@internal/backstage-plugin-reliability-common';

/** A burn rate as `2.5×`; "—" when unknown. */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return NO_VALUE;
  }
  return `${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}×`;
}

/** Error budget remaining as a percentage, "exhausted" below zero shown as the overspend. */
export function formatBudget(remaining: number | null | undefined): string {
  if (
    remaining === null ||
    remaining === undefined ||
    !Number.isFinite(remaining)
  ) {
    return 'no data';
  }
  return remaining < 0
    ? `exhausted (${formatRatio(-remaining, 1)} overspent)`
    : `${formatRatio(remaining, 1)} left`;
}

/** The SLO window in words, e.g. "rolling 30d" or "calendar 1 Month". */
export function describeWindow(window: SloWindow): string {
  return window.kind === 'rolling'
    ? `rolling ${formatDuration(window.durationSeconds)}`
    : `calendar ${window.count} ${window.unit}${window.count > 1 ? 's' : ''} (${
        window.timeZone
      })`;
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
    'Attainment = good events ÷ total events over the SLO window. The SLO is met while it stays at or above the target.',
  budget:
    'Error budget = (1 − target) × total events: the bad events the target allows. Remaining = 1 − bad ÷ allowed. ' +
    'Below 0% the SLO is breached for this window.',
  burnRate:
    'Burn rate = error rate ÷ (1 − target), over the last hour. 1× spends exactly the budget over the window; ' +
    '14.4× spends 2% of a 30-day budget in one hour.',
  alert:
    'Multiwindow burn-rate alerts (SRE workbook): an alert fires only when both its long and short window burn ' +
    'at or above its threshold. Page = wake someone up; ticket = handle during work hours.',
  exhaustion:
    'Time until the remaining budget is gone if the last hour’s burn rate continues.',
};
