import {
  AssessmentDetail,
  NO_LEVEL,
  scoreChecklist,
  SLO_REPORT_MAX_BLOCKERS,
  SloReportLevelBlockers,
} from '@internal/backstage-plugin-reliability-common';

/** The report's blockers of `nextLevel`: the first {@link SLO_REPORT_MAX_BLOCKERS} names and how many more. */
function blockersOf(
  nextLevel: string,
  source: SloReportLevelBlockers['source'],
  names: string[],
): SloReportLevelBlockers {
  return {
    nextLevel,
    source,
    items: names.slice(0, SLO_REPORT_MAX_BLOCKERS),
    more: Math.max(0, names.length - SLO_REPORT_MAX_BLOCKERS),
  };
}

/** The blockers recorded with the assessment at its submission (automatic results and exemptions of its day). */
function recordedBlockers(
  assessment: AssessmentDetail,
  nextLevel: string,
): SloReportLevelBlockers | undefined {
  const items = new Map(assessment.checklist.items.map(i => [i.id, i]));
  const blocking = (assessment.blockingNextLevel ?? [])
    .map(blocker => ({ blocker, item: items.get(blocker.itemId) }))
    .sort((a, b) => (b.item?.weight ?? 0) - (a.item?.weight ?? 0))
    .map(
      ({ blocker, item }) =>
        `${item?.title ?? blocker.itemId}${
          blocker.status === 'unknown' ? ' (no data)' : ''
        }`,
    );
  if (blocking.length === 0) return undefined;
  return blockersOf(nextLevel, 'recorded', blocking);
}

/**
 * What kept a stored assessment from the level above its own: the items recorded with it at its submission when
 * there are (see `AssessmentDetail.blockingNextLevel`); for an assessment recorded before they were kept, its
 * answers re-scored against the checklist it answered, as of its submission, and the items of that next level
 * that are not met, heaviest first.
 *
 * Such an assessment keeps its answers but not the automatic results (nor the exemptions) of its day. So the items
 * named are the unmet self-assessed ones (`answers`); when every answer of the level was met, the level's
 * automatic checks are named instead (`automatic`: one or more of them did not pass). Undefined at the top level,
 * for a level the checklist does not know, and when the answers leave nothing of the next level unmet and it has no
 * automatic check (an exemption of the day then let the level stop where it did).
 */
export function levelBlockers(
  assessment: AssessmentDetail,
): SloReportLevelBlockers | undefined {
  const { checklist } = assessment;
  const rank =
    assessment.level === NO_LEVEL
      ? -1
      : checklist.levels.findIndex(l => l.id === assessment.level);
  if (assessment.level !== NO_LEVEL && rank < 0) return undefined;
  const next = checklist.levels[rank + 1];
  if (!next) return undefined;
  if (assessment.blockingNextLevel) {
    return recordedBlockers(assessment, next.id);
  }

  const explanation = scoreChecklist({
    checklist,
    answers: assessment.answers,
    automatic: [],
    now: new Date(assessment.createdAt),
  });
  const open = explanation.items
    .filter(item => item.level === next.id && !item.passes)
    .sort((a, b) => b.weight - a.weight);
  const answers = open.filter(item => item.kind !== 'automatic');
  const blocking = answers.length > 0 ? answers : open;
  if (blocking.length === 0) return undefined;
  return blockersOf(
    next.id,
    answers.length > 0 ? 'answers' : 'automatic',
    blocking.map(item => item.title),
  );
}
