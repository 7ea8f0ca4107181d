import { SloDefinition } from '../slo/types';
import { resolveRunbookReference } from './runbookReferences';
import { RunbookAlertCoverage, RunbookCoverage, RunbookEntry } from './types';

function normalise(name: string): string {
  return name.trim().toLowerCase();
}

/** A runbook linked to an SLO or an SLO alert policy; `id` is set when it is one of the entity's runbooks. @public */
export interface LinkedRunbook {
  id: string | null;
  title: string | null;
  url: string | null;
}

/** The runbooks answering one alert policy of an SLO. @public */
export interface AlertRunbookLinks {
  alert: string;
  /** Empty when none answers it; more than one only when several runbooks' `answers` name it. */
  runbooks: LinkedRunbook[];
  /** What linked them: the alert policy's `runbook`, the SLO's `runbook`, or the runbooks' `answers`. */
  matchedBy: 'alert-policy' | 'slo' | 'answers' | null;
  /** A reference that points at nothing (unknown runbook id, unsafe URL). */
  problem: string | null;
}

/** The runbooks answering an SLO as a whole and each of its alert policies. @public */
export interface SloRunbookLinks {
  slo: string;
  /** The SLO's `runbook` reference, else the runbooks whose `answers` name the SLO. */
  runbooks: LinkedRunbook[];
  matchedBy: 'slo' | 'answers' | null;
  problem: string | null;
  alerts: AlertRunbookLinks[];
}

function fromReference(reference: string, runbooks: RunbookEntry[]) {
  const resolved = resolveRunbookReference(reference, runbooks);
  if (resolved.problem) {
    return { runbooks: [], problem: resolved.problem };
  }
  return {
    runbooks: [
      {
        id: resolved.runbook?.id ?? null,
        title: resolved.runbook?.title ?? null,
        url: resolved.url,
      },
    ],
    problem: null,
  };
}

/** Runbooks whose `answers` name one of `names`, those naming the first name first. */
function answering(names: string[], runbooks: RunbookEntry[]): LinkedRunbook[] {
  const wanted = names.map(normalise);
  const matches: Array<{ rank: number; index: number; entry: RunbookEntry }> =
    [];
  runbooks.forEach((entry, index) => {
    const answered = new Set(entry.answers.map(normalise));
    const rank = wanted.findIndex(name => answered.has(name));
    if (rank >= 0) matches.push({ rank, index, entry });
  });
  return matches
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => ({ id: entry.id, title: entry.title, url: entry.url }));
}

function linkAlert(
  slo: SloDefinition,
  alert: string,
  alertRunbook: string | undefined,
  runbooks: RunbookEntry[],
): AlertRunbookLinks {
  if (alertRunbook?.trim()) {
    return {
      alert,
      ...fromReference(alertRunbook, runbooks),
      matchedBy: 'alert-policy',
    };
  }
  if (slo.runbook?.trim()) {
    return { alert, ...fromReference(slo.runbook, runbooks), matchedBy: 'slo' };
  }
  const found = answering([alert, slo.name], runbooks);
  return {
    alert,
    runbooks: found,
    matchedBy: found.length > 0 ? 'answers' : null,
    problem: null,
  };
}

/**
 * The runbooks answering an SLO and each of its alert policies: the matching runbook coverage counts with
 * (see `computeRunbookCoverage`). An alert is answered by, in order of precedence: its alert policy's
 * `runbook` field, its SLO's `runbook` field, or the runbooks whose front-matter `answers` name the alert
 * policy or the SLO (case-insensitive; those naming the alert first). The SLO as a whole is answered by its
 * `runbook` field, else by the runbooks whose `answers` name it. A reference to an unknown runbook id or an
 * unsafe URL links nothing and is reported as a problem. Runbooks that failed to load never answer anything.
 *
 * @public
 */
export function linkSloRunbooks(
  slo: SloDefinition,
  runbooks: RunbookEntry[],
): SloRunbookLinks {
  const usable = runbooks.filter(r => r.error === null);
  const alerts = slo.alertPolicies.map(policy =>
    linkAlert(slo, policy.name, policy.runbook, usable),
  );
  if (slo.runbook?.trim()) {
    return {
      slo: slo.name,
      ...fromReference(slo.runbook, usable),
      matchedBy: 'slo',
      alerts,
    };
  }
  const found = answering([slo.name], usable);
  return {
    slo: slo.name,
    runbooks: found,
    matchedBy: found.length > 0 ? 'answers' : null,
    problem: null,
    alerts,
  };
}

/**
 * Links every SLO alert policy of an entity to a runbook (see `linkSloRunbooks`; the first runbook linked
 * to an alert counts) and computes the share that has one.
 *
 * @public
 */
export function computeRunbookCoverage(
  slos: SloDefinition[],
  runbooks: RunbookEntry[],
): RunbookCoverage {
  const alerts: RunbookAlertCoverage[] = slos.flatMap(slo =>
    linkSloRunbooks(slo, runbooks).alerts.map(link => ({
      slo: slo.name,
      alert: link.alert,
      runbook: link.runbooks[0] ?? null,
      matchedBy: link.runbooks.length > 0 ? link.matchedBy : null,
      problem: link.problem,
    })),
  );
  const alertsWithRunbook = alerts.filter(a => a.runbook !== null).length;
  return {
    ratio: alerts.length === 0 ? null : alertsWithRunbook / alerts.length,
    alertCount: alerts.length,
    alertsWithRunbook,
    alerts,
    error: null,
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
