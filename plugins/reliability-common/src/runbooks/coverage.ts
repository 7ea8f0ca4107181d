import { SloDefinition } from '../slo/types';
import { resolveRunbookReference } from './runbookReferences';
import { RunbookAlertCoverage, RunbookCoverage, RunbookEntry } from './types';

function normalise(name: string): string {
  return name.trim().toLocaleLowerCase('en-US');
}

function fromReference(
  slo: string,
  alert: string,
  reference: string,
  matchedBy: 'alert-policy' | 'slo',
  runbooks: RunbookEntry[],
): RunbookAlertCoverage {
  const resolved = resolveRunbookReference(reference, runbooks);
  if (resolved.problem) {
    return {
      slo,
      alert,
      runbook: null,
      matchedBy: null,
      problem: resolved.problem,
    };
  }
  return {
    slo,
    alert,
    runbook: {
      id: resolved.runbook?.id ?? null,
      title: resolved.runbook?.title ?? null,
      url: resolved.url,
    },
    matchedBy,
    problem: null,
  };
}

/**
 * Links every SLO alert policy of an entity to a runbook and computes the share that has one.
 * In order of precedence, an alert is answered by: its alert policy's `runbook` field, its SLO's `runbook`
 * field, or a runbook whose front-matter `answers` names the alert policy or the SLO (case-insensitive).
 * A reference to an unknown runbook id or an unsafe URL does not count, and is reported as a problem.
 * Runbooks that failed to load never answer anything.
 *
 * @public
 */
export function computeRunbookCoverage(
  slos: SloDefinition[],
  runbooks: RunbookEntry[],
): RunbookCoverage {
  const usable = runbooks.filter(r => r.error === null);
  const alerts: RunbookAlertCoverage[] = [];
  for (const slo of slos) {
    for (const policy of slo.alertPolicies) {
      alerts.push(linkAlert(slo, policy.name, policy.runbook, usable));
    }
  }
  const alertsWithRunbook = alerts.filter(a => a.runbook !== null).length;
  return {
    ratio: alerts.length === 0 ? null : alertsWithRunbook / alerts.length,
    alertCount: alerts.length,
    alertsWithRunbook,
    alerts,
    error: null,
  };
}

function linkAlert(
  slo: SloDefinition,
  alert: string,
  alertRunbook: string | undefined,
  runbooks: RunbookEntry[],
): RunbookAlertCoverage {
  if (alertRunbook?.trim()) {
    return fromReference(
      slo.name,
      alert,
      alertRunbook,
      'alert-policy',
      runbooks,
    );
  }
  if (slo.runbook?.trim()) {
    return fromReference(slo.name, alert, slo.runbook, 'slo', runbooks);
  }
  const names = new Set([normalise(alert), normalise(slo.name)]);
  const answering = runbooks.find(r =>
    r.answers.some(a => names.has(normalise(a))),
  );
  if (answering) {
    return {
      slo: slo.name,
      alert,
      runbook: { id: answering.id, title: answering.title, url: answering.url },
      matchedBy: 'answers',
      problem: null,
    };
  }
  return {
    slo: slo.name,
    alert,
    runbook: null,
    matchedBy: null,
    problem: null,
  };
}

/**
 * True when a runbook was not reviewed within `staleAfterDays` days of `now`, or has no valid review date.
 * Ages are whole calendar days in UTC (reviewed 180 days ago is fresh with 180, 181 days ago is stale).
 * A review date in the future counts as fresh.
 *
 * @public
 */
export function isRunbookStale(
  lastReviewed: string | null,
  now: Date,
  staleAfterDays: number,
): boolean {
  if (!lastReviewed) {
    return true;
  }
  const reviewed = Date.parse(`${lastReviewed.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(reviewed)) {
    return true;
  }
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const ageDays = Math.round((today - reviewed) / 86_400_000);
  return ageDays > staleAfterDays;
}
