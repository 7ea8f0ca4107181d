import { SloReportChecklistChange } from '@internal/backstage-plugin-reliability-common';
import { levelBlockers } from './levelBlockers';
import { checklistChangesIn } from './periodActivity';
import { ChecklistHistorySource } from './reportSources';

/** Newest assessments read per entity for the checklist changes of the period. */
export const CHECKLIST_HISTORY_LIMIT = 100;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The checklist assessments an entity submitted in [from, to], oldest first, each with the level before it and
 * what kept it from the next level (`heldBackBy`). Two queries at most: the history, then the answers of the
 * assessments from `from` on (the newest ones). When those answers cannot be read the changes come without
 * `heldBackBy` and `problems` says why; a history that cannot be read rejects.
 */
export async function readChecklistChanges(
  source: ChecklistHistorySource,
  entityRef: string,
  from: Date,
  to: Date,
): Promise<{ changes: SloReportChecklistChange[]; problems: string[] }> {
  const history = await source.getHistory(entityRef, CHECKLIST_HISTORY_LIMIT);
  const changes = checklistChangesIn(history.assessments, from, to);
  if (changes.length === 0 || !source.getNewestAssessments) {
    return { changes, problems: [] };
  }
  // Assessments submitted after `to` are among the newest too.
  const since = history.assessments.filter(
    a => Date.parse(a.createdAt) >= from.getTime(),
  ).length;
  try {
    const details = await source.getNewestAssessments(entityRef, since);
    const byId = new Map(details.map(detail => [detail.id, detail]));
    return {
      changes: changes.map(change => {
        const detail = byId.get(change.assessmentId);
        const heldBackBy = detail && levelBlockers(detail);
        return heldBackBy ? { ...change, heldBackBy } : change;
      }),
      problems: [],
    };
  } catch (error) {
    return {
      changes,
      problems: [
        `What held the checklist levels of ${entityRef} back could not be read: ${errorText(
          error,
        )}`,
      ],
    };
  }
}
