import { resolveRunbookReference } from '../runbooks/runbookReferences';
import { isSafeLinkUrl } from '../runbooks/safeUrl';
import { RunbookAlertCoverage, RunbookEntry } from '../runbooks/types';
import { AlertRunbook, SourceAlert } from './types';

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The runbook of an alert: the one the alert names itself (Prometheus `runbook_url`, a link in a Datadog
 * message), shown with its title when it is one of the entity's runbooks; else, for an alert that is one of the
 * entity's SLO alert policies (same name, case-insensitive), the runbook the Runbooks card links to that policy
 * (`sloAlerts`, from `computeRunbookCoverage`: the policy's `runbook`, its SLO's, or runbooks answering either), so
 * the two cards agree; else the first of the entity's runbooks whose front-matter `answers` name the alert (by
 * name or id, case-insensitive). Null when none; an unsafe URL names nothing. Runbooks that failed to load never
 * answer.
 *
 * @public
 */
export function linkAlertRunbook(
  alert: Pick<SourceAlert, 'id' | 'name' | 'runbookUrl'>,
  runbooks: readonly RunbookEntry[],
  sloAlerts: readonly RunbookAlertCoverage[] = [],
): AlertRunbook | null {
  const usable = runbooks.filter(r => r.error === null);
  const named = alert.runbookUrl?.trim();
  if (named && /^https?:\/\//i.test(named) && isSafeLinkUrl(named)) {
    const resolved = resolveRunbookReference(named, usable);
    return {
      url: resolved.url ?? named,
      title: resolved.runbook?.title ?? null,
      id: resolved.runbook?.id ?? null,
      matchedBy: 'source',
    };
  }
  const wanted = new Set([normalise(alert.name), normalise(alert.id)]);
  const sloAlert = sloAlerts.find(
    a => a.runbook !== null && normalise(a.alert) === normalise(alert.name),
  );
  if (sloAlert?.runbook) {
    return { ...sloAlert.runbook, matchedBy: 'slo' };
  }
  const answering = usable.find(r =>
    r.answers.some(a => wanted.has(normalise(a))),
  );
  return answering
    ? {
        url: answering.url,
        title: answering.title,
        id: answering.id,
        matchedBy: 'runbook-index',
      }
    : null;
}
