import {
  AlertRunbookCoverage,
  AlertState,
} from '@internal/backstage-plugin-reliability-common';

/** How each alert state reads. */
export const ALERT_STATE_LABEL: Record<AlertState, string> = {
  firing: 'Firing',
  'no-data': 'No data',
  ok: 'OK',
};

/** `75% (3 of 4 paging alerts)`, or `no paging alerts`. */
export function formatCoverage(coverage: AlertRunbookCoverage): string {
  if (coverage.ratio === null) return 'no paging alerts';
  return `${Math.round(coverage.ratio * 100)}% (${
    coverage.pagingWithRunbook
  } of ${coverage.pagingAlerts} paging alert${
    coverage.pagingAlerts === 1 ? '' : 's'
  })`;
}

/** Minutes as `4 min`, `1 h 35 min`, `2 d 3 h`. */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  if (hours < 24) {
    const rest = rounded % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}
