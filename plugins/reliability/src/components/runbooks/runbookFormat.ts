import {
  RunbookCoverage,
  RunbookEntry,
  RunbookKind,
} from '@internal/backstage-plugin-reliability-common';

/** Display names of runbook kinds. */
export const RUNBOOK_KIND_LABELS: Record<RunbookKind, string> = {
  runbook: 'Runbook',
  rollback: 'Rollback',
  postmortem: 'Postmortem',
  premortem: 'Pre-mortem',
};

/** A 0..1 ratio as a whole percentage; "—" when there is nothing to measure (or the value is not finite). */
export function formatCoverage(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) {
    return '—';
  }
  return `${Math.round(Math.min(Math.max(ratio, 0), 1) * 100)}%`;
}

/** One sentence explaining the coverage figure. */
export function describeCoverage(coverage: RunbookCoverage): string {
  if (coverage.error) {
    return `Coverage unknown: ${coverage.error}`;
  }
  if (coverage.alertCount === 0) {
    return 'No SLO alert policies, so there is nothing for runbooks to cover.';
  }
  const noun = coverage.alertCount === 1 ? 'SLO alert has' : 'SLO alerts have';
  return `${coverage.alertsWithRunbook} of ${coverage.alertCount} ${noun} a runbook (via the alert's or SLO's runbook field, or a runbook's "answers").`;
}

/** "Reviewed 2026-10-01", with why it is stale when it is. */
export function describeReview(
  entry: RunbookEntry,
  staleAfterDays: number,
): string {
  if (!entry.lastReviewed) {
    return 'Never reviewed (no lastReviewed date)';
  }
  return entry.stale
    ? `Reviewed ${entry.lastReviewed}: more than ${staleAfterDays} days ago`
    : `Reviewed ${entry.lastReviewed}`;
}

/**
 * "Runbook: <title>" where a title is shown after the word, unless the title already starts with it ("Runbook:
 * checkout is slow" stays as it is, not "Runbook: Runbook: checkout is slow").
 */
export function titledRunbook(title: string): string {
  return /^runbooks?\b/i.test(title.trim()) ? title : `Runbook: ${title}`;
}

/** Whether a title already says it is a runbook (see {@link titledRunbook}). */
export function saysRunbook(title: string | null | undefined): boolean {
  return Boolean(title && /^runbooks?\b/i.test(title.trim()));
}
