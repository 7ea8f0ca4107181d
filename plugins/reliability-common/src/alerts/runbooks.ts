import { resolveRunbookReference } from '../runbooks/runbookReferences';
import { isSafeLinkUrl } from '../runbooks/safeUrl';
import { RunbookEntry } from '../runbooks/types';
import { AlertRunbook, SourceAlert } from './types';

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The runbook of an alert: the one the alert names itself (Prometheus `runbook_url`, a link in a Datadog
 * message), shown with its title when it is one of the entity's runbooks; else the first of the entity's
 * runbooks whose front-matter `answers` name the alert (by name or id, case-insensitive). Null when neither;
 * an unsafe URL names nothing. Runbooks that failed to load never answer.
 *
 * @public
 */
export function linkAlertRunbook(
  alert: Pick<SourceAlert, 'id' | 'name' | 'runbookUrl'>,
  runbooks: readonly RunbookEntry[],
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
