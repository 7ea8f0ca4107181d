import { IncidentSummary } from './api';
import { pluralCount } from '../text';

/** Automatic checklist checks computed from an entity's incident summary. @public */
export const INCIDENT_CHECK_IDS = [
  'postmortems-on-time',
  'action-items-on-time',
  'acknowledge-within-target',
] as const;

/** @public */
export type IncidentCheckId = (typeof INCIDENT_CHECK_IDS)[number];

/** The outcome of an incident check, worded like the other automatic checklist items. @public */
export interface IncidentCheckOutcome {
  status: 'pass' | 'fail' | 'unknown';
  detail: string;
}

/** Seconds as "45 s", "4 min", "1 h 5 min". */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/**
 * Evaluates one incident check for one entity from its stored summary (undefined: no incident source tracks
 * the entity, so there is nothing to judge):
 * - `postmortems-on-time`: no incident of the last 90 days that needs a postmortem is past its deadline
 *   without one (postmortems still within their deadline do not fail it);
 * - `action-items-on-time`: no open postmortem action item is past its due date;
 * - `acknowledge-within-target`: the mean time to acknowledge (MTTA) of the incidents of the last 90 days is
 *   within the target (the owning team's `reliability.sre-portal.dev/acknowledge-target` annotation, else
 *   `reliability.incidents.acknowledgeTarget`); unknown when none was acknowledged. An invalid team target is
 *   named in the detail, beside the default that was used instead.
 *
 * @public
 */
export function evaluateIncidentCheck(
  check: IncidentCheckId,
  summary: IncidentSummary | undefined,
): IncidentCheckOutcome {
  if (!summary) {
    return {
      status: 'unknown',
      detail: 'no incident source tracks this entity',
    };
  }
  switch (check) {
    case 'postmortems-on-time': {
      const { postmortemsOverdue: overdue, postmortemsDue: due } = summary;
      if (overdue > 0) {
        return {
          status: 'fail',
          detail: `${pluralCount(
            overdue,
            'incident',
          )} past the deadline without a postmortem`,
        };
      }
      if (due > 0) {
        return {
          status: 'pass',
          detail: `no postmortem overdue (${due} still within the deadline)`,
        };
      }
      return summary.incidents === 0
        ? { status: 'pass', detail: 'no incident in the last 90 days' }
        : {
            status: 'pass',
            detail: `every postmortem needed for ${pluralCount(
              summary.incidents,
              'incident',
            )} in 90 days was written on time`,
          };
    }
    case 'action-items-on-time': {
      const { openActionItems: open, overdueActionItems: overdue } = summary;
      if (overdue > 0) {
        return {
          status: 'fail',
          detail: `${overdue} of ${pluralCount(
            open,
            'open action item',
          )} past the due date`,
        };
      }
      return open === 0
        ? { status: 'pass', detail: 'no open postmortem action item' }
        : {
            status: 'pass',
            detail: `none of ${pluralCount(
              open,
              'open action item',
            )} is past the due date`,
          };
    }
    case 'acknowledge-within-target': {
      const target = summary.acknowledgeTargetSeconds;
      if (target === null) {
        return {
          status: 'unknown',
          detail: 'not summarised since the acknowledge target was introduced',
        };
      }
      if (summary.mttaSeconds === null || summary.acknowledged === 0) {
        return {
          status: 'unknown',
          detail: 'no incident acknowledged in the last 90 days',
        };
      }
      const setBy = summary.acknowledgeTargetSetBy
        ? ` set by ${summary.acknowledgeTargetSetBy}`
        : '';
      const problem = summary.acknowledgeTargetProblem
        ? `; ${summary.acknowledgeTargetProblem}`
        : '';
      const detail = `MTTA ${duration(summary.mttaSeconds)} over ${pluralCount(
        summary.acknowledged,
        'acknowledged incident',
      )} (target ${duration(target)}${setBy}${problem})`;
      return {
        status: summary.mttaSeconds <= target ? 'pass' : 'fail',
        detail,
      };
    }
    default:
      return { status: 'unknown', detail: `unsupported check '${check}'` };
  }
}
