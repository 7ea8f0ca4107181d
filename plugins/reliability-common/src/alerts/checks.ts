import { AlertSummary } from './types';
import { pluralCount } from '../text';

/** Automatic checklist checks computed from an entity's alert summary. @public */
export const ALERT_CHECK_IDS = [
  'pages-have-runbooks',
  'paging-mostly-slo-based',
  'no-noisy-alerts',
] as const;

/** @public */
export type AlertCheckId = (typeof ALERT_CHECK_IDS)[number];

/** The outcome of an alert check, worded like the other automatic checklist items. @public */
export interface AlertCheckOutcome {
  status: 'pass' | 'fail' | 'unknown';
  detail: string;
}

/**
 * Evaluates one alert check for one entity from its stored summary (undefined: the entity has no alerts and no
 * gap, so nothing was summarised):
 * - `pages-have-runbooks`: every paging alert has a runbook;
 * - `paging-mostly-slo-based`: more than half of the paging alerts are SLO-based (burn rate, error budget);
 * - `no-noisy-alerts`: no alert was noisy over the last 30 days.
 * Stale data (a source failed at its last read) is said so in the detail.
 *
 * @public
 */
export function evaluateAlertCheck(
  check: AlertCheckId,
  summary: AlertSummary | undefined,
): AlertCheckOutcome {
  const note = summary?.stale ? ' (data may be stale)' : '';
  if (!summary || summary.alerts === 0) {
    return check === 'no-noisy-alerts'
      ? { status: 'unknown', detail: 'no alert maps to this entity' }
      : {
          status: 'fail',
          detail: 'no alert maps to this entity, so nothing pages',
        };
  }
  const paging = summary.pagingAlerts;
  switch (check) {
    case 'pages-have-runbooks': {
      if (paging === 0)
        return { status: 'fail', detail: `no alert pages${note}` };
      const missing = paging - summary.pagingWithRunbook;
      return missing === 0
        ? {
            status: 'pass',
            detail: `all ${pluralCount(
              paging,
              'paging alert',
            )} have a runbook${note}`,
          }
        : {
            status: 'fail',
            detail: `${missing} of ${pluralCount(
              paging,
              'paging alert',
            )} have no runbook${note}`,
          };
    }
    case 'paging-mostly-slo-based': {
      if (paging === 0)
        return { status: 'fail', detail: `no alert pages${note}` };
      const detail = `${summary.sloBasedPaging} of ${pluralCount(
        paging,
        'paging alert',
      )} are SLO-based${note}`;
      return {
        status: summary.sloBasedPaging * 2 > paging ? 'pass' : 'fail',
        detail,
      };
    }
    case 'no-noisy-alerts':
      return summary.noisy === 0
        ? { status: 'pass', detail: `no noisy alert in 30 days${note}` }
        : {
            status: 'fail',
            detail: `${pluralCount(
              summary.noisy,
              'noisy alert',
            )} in 30 days${note}`,
          };
    default:
      return { status: 'unknown', detail: `unsupported check '${check}'` };
  }
}
