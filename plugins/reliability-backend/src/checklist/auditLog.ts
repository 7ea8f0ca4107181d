import {
  AssessmentDetail,
  MaturityAuditAnswer,
  MaturityAuditAssessment,
  StoredAnswer,
} from '@internal/backstage-plugin-reliability-common';

const sameAnswer = (a: StoredAnswer, b: StoredAnswer | undefined) =>
  !!b &&
  a.answer === b.answer &&
  (a.note ?? '') === (b.note ?? '') &&
  (a.evidenceUrl ?? '') === (b.evidenceUrl ?? '');

function previousAnswer(
  previous: AssessmentDetail | undefined,
  itemId: string,
): StoredAnswer | undefined {
  return previous &&
    Object.prototype.hasOwnProperty.call(previous.answers, itemId)
    ? previous.answers[itemId]
    : undefined;
}

/**
 * One assessment as the audit shows it: who submitted it, when, and each answer (in the order of the checklist it
 * answered), flagged `changed` when it differs from the `previous` (older) assessment's answer to the same item.
 */
export function toAuditAssessment(
  assessment: AssessmentDetail,
  previous: AssessmentDetail | undefined,
): MaturityAuditAssessment {
  const { checklist, answers, ...record } = assessment;
  const order = new Map(checklist.items.map((item, i) => [item.id, i]));
  const titles = new Map(checklist.items.map(item => [item.id, item.title]));
  const entries: MaturityAuditAnswer[] = Object.entries(answers)
    .sort(
      ([a], [b]) =>
        (order.get(a) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b),
    )
    .map(([itemId, answer]) => ({
      itemId,
      itemTitle: titles.get(itemId) ?? itemId,
      answer: answer.answer,
      ...(answer.evidenceUrl ? { evidenceUrl: answer.evidenceUrl } : {}),
      ...(answer.note ? { note: answer.note } : {}),
      expiresAt: answer.expiresAt,
      changed: !sameAnswer(answer, previousAnswer(previous, itemId)),
    }));
  return {
    ...record,
    answers: entries,
    notApplicableCount: entries.filter(e => e.answer === 'not-applicable')
      .length,
  };
}
