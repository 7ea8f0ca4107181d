import {
  AssessmentRecord,
  RunbookEntry,
  SloReportChecklistChange,
  SloReportRunbook,
} from '@internal/backstage-plugin-reliability-common';

/** The runbooks whose last review day lies in [from, to] (by UTC day), newest review first. */
export function runbooksTouchedIn(
  entityRef: string,
  runbooks: RunbookEntry[],
  from: Date,
  to: Date,
): SloReportRunbook[] {
  const first = from.toISOString().slice(0, 10);
  const last = to.toISOString().slice(0, 10);
  return runbooks
    .filter(
      runbook =>
        runbook.lastReviewed !== null &&
        /^\d{4}-\d{2}-\d{2}/.test(runbook.lastReviewed) &&
        runbook.lastReviewed.slice(0, 10) >= first &&
        runbook.lastReviewed.slice(0, 10) <= last,
    )
    .map(runbook => ({
      entityRef,
      id: runbook.id,
      title: runbook.title,
      kind: runbook.kind,
      lastReviewed: runbook.lastReviewed!.slice(0, 10),
      url: runbook.url,
    }))
    .sort(
      (a, b) =>
        b.lastReviewed.localeCompare(a.lastReviewed) ||
        a.title.localeCompare(b.title),
    );
}

/**
 * The assessments submitted in [from, to], oldest first, each with the level of the assessment before it (null
 * for the oldest of `history`: the entity's first, or the first of the newest ones kept when bounded).
 */
export function checklistChangesIn(
  history: AssessmentRecord[],
  from: Date,
  to: Date,
): SloReportChecklistChange[] {
  const sorted = [...history].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  return sorted.flatMap((assessment, i) => {
    const at = Date.parse(assessment.createdAt);
    if (at < from.getTime() || at > to.getTime()) return [];
    return [
      {
        entityRef: assessment.entityRef,
        assessmentId: assessment.id,
        assessedAt: assessment.createdAt,
        author: assessment.author,
        level: assessment.level,
        score: assessment.score,
        previousLevel: i > 0 ? sorted[i - 1].level : null,
      },
    ];
  });
}
