import { isSafeLinkUrl } from './safeUrl';
import { RunbookEntry } from './types';

/** What a `runbook` reference (SLO, alert policy, escalation level) points at. @public */
export interface ResolvedRunbookReference {
  /** The entity's runbook it names (by id or by URL), if any. */
  runbook: RunbookEntry | null;
  /** URL to open: the runbook's own URL, or the reference itself when it is a safe URL. */
  url: string | null;
  /** Set when the reference points at nothing usable. */
  problem: string | null;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/**
 * Resolves a `runbook` field (an SLO's, an alert policy's or an escalation level's) against an entity's runbooks:
 * a runbook id, the URL of one of the runbooks, or any other http(s)/relative URL (an external runbook).
 *
 * @public
 */
export function resolveRunbookReference(
  reference: string,
  runbooks: RunbookEntry[],
): ResolvedRunbookReference {
  const ref = reference.trim();
  if (!ref) {
    return { runbook: null, url: null, problem: 'Empty runbook reference' };
  }
  const byId = runbooks.find(r => r.id === ref);
  if (byId) {
    return { runbook: byId, url: byId.url, problem: null };
  }
  const byUrl = runbooks.find(r => r.url !== null && sameUrl(r.url, ref));
  if (byUrl) {
    return { runbook: byUrl, url: byUrl.url, problem: null };
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/|^\./i.test(ref)) {
    return isSafeLinkUrl(ref)
      ? { runbook: null, url: ref, problem: null }
      : {
          runbook: null,
          url: null,
          problem: `Runbook reference '${ref}' is not an http(s) or relative URL`,
        };
  }
  return {
    runbook: null,
    url: null,
    problem: `No runbook with id '${ref}'`,
  };
}
