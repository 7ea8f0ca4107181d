import { AlertRunbookCoverage } from './types';

/**
 * Runbook coverage over every paging alert (SLO burn alerts and hand-written ones alike): the share of alerts
 * that page a person and have a runbook. Alerts that do not page are not counted.
 *
 * @public
 */
export function alertRunbookCoverage(
  alerts: ReadonlyArray<{ pages: boolean; runbook: unknown }>,
): AlertRunbookCoverage {
  const paging = alerts.filter(a => a.pages);
  const withRunbook = paging.filter(
    a => a.runbook !== null && a.runbook !== undefined,
  ).length;
  return {
    pagingAlerts: paging.length,
    pagingWithRunbook: withRunbook,
    ratio: paging.length === 0 ? null : withRunbook / paging.length,
  };
}

/** Adds coverages up (team and organisation roll-ups). @public */
export function sumAlertRunbookCoverage(
  parts: ReadonlyArray<{ pagingAlerts: number; pagingWithRunbook: number }>,
): AlertRunbookCoverage {
  const pagingAlerts = parts.reduce((n, p) => n + p.pagingAlerts, 0);
  const pagingWithRunbook = parts.reduce((n, p) => n + p.pagingWithRunbook, 0);
  return {
    pagingAlerts,
    pagingWithRunbook,
    ratio: pagingAlerts === 0 ? null : pagingWithRunbook / pagingAlerts,
  };
}
