import {
  AssessmentAnswerInput,
  AssessmentDraft,
  Checklist,
  ChecklistCategory,
  ChecklistItem,
  EntityMaturity,
  StoredAnswer,
  SubmitAssessmentRequest,
} from '@internal/backstage-plugin-reliability-common';

/** One answer as edited in the wizard (everything optional while typing). */
export type AnswerDraft = Partial<AssessmentAnswerInput>;

/** One wizard step: a category and its items. */
export interface WizardStep {
  category: ChecklistCategory;
  items: ChecklistItem[];
}

/** Categories that have items, in checklist order (one step each). */
export function wizardSteps(checklist: Checklist): WizardStep[] {
  return checklist.categories
    .map(category => ({
      category,
      items: checklist.items.filter(i => i.category === category.id),
    }))
    .filter(step => step.items.length > 0);
}

const selfAssessedIds = (checklist: Checklist) =>
  new Set(
    checklist.items.filter(i => i.kind === 'self-assessed').map(i => i.id),
  );

/**
 * Where the wizard starts: a saved draft (answers to items that still exist), otherwise the latest
 * assessment's answers that have not expired (expired ones must be answered again).
 */
export function initialAnswers(
  checklist: Checklist,
  maturity: EntityMaturity,
  draft: AssessmentDraft | null,
): Record<string, AnswerDraft> {
  const ids = selfAssessedIds(checklist);
  const result: Record<string, AnswerDraft> = {};
  if (draft) {
    for (const [id, value] of Object.entries(draft.answers)) {
      if (ids.has(id)) result[id] = { ...value };
    }
    return result;
  }
  for (const [id, value] of Object.entries(maturity.answers)) {
    if (ids.has(id) && !value.expired) {
      result[id] = {
        answer: value.answer,
        evidenceUrl: value.evidenceUrl,
        note: value.note,
      };
    }
  }
  return result;
}

/** Problems of one answer that the backend would reject, for inline display. */
export function answerProblems(
  value: AnswerDraft | undefined,
  today: string,
): { evidenceUrl?: string; note?: string; expiresAt?: string } {
  const problems: { evidenceUrl?: string; note?: string; expiresAt?: string } =
    {};
  if (value?.evidenceUrl) {
    let ok = false;
    try {
      const url = new URL(value.evidenceUrl);
      ok = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) problems.evidenceUrl = 'Use an http(s) link';
  }
  if (value?.note && value.note.length > 2000) {
    problems.note = `At most 2000 characters (${value.note.length})`;
  } else if (value?.answer === 'not-applicable' && !value.note?.trim()) {
    problems.note = 'Say why the practice does not apply';
  }
  if (value?.expiresAt && value.expiresAt < today) {
    problems.expiresAt = 'Pick a date from today on';
  }
  return problems;
}

/** The submission for the answered items (blank fields dropped). */
export function toSubmission(
  checklist: Checklist,
  answers: Record<string, AnswerDraft>,
): SubmitAssessmentRequest {
  const ids = selfAssessedIds(checklist);
  const result: SubmitAssessmentRequest['answers'] = {};
  for (const [id, value] of Object.entries(answers)) {
    if (!ids.has(id) || !value.answer) continue;
    result[id] = {
      answer: value.answer,
      ...(value.evidenceUrl?.trim()
        ? { evidenceUrl: value.evidenceUrl.trim() }
        : {}),
      ...(value.note?.trim() ? { note: value.note.trim() } : {}),
      ...(value.expiresAt ? { expiresAt: value.expiresAt } : {}),
    };
  }
  return { checklistVersion: checklist.version, answers: result };
}

/** Answers as they would be stored, for a live preview of the score (expiry far ahead unless given). */
export function previewAnswers(
  submission: SubmitAssessmentRequest,
  now: Date,
): Record<string, StoredAnswer> {
  const farAhead = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  return Object.fromEntries(
    Object.entries(submission.answers).map(([id, a]) => [
      id,
      {
        answer: a.answer,
        expiresAt: a.expiresAt
          ? new Date(`${a.expiresAt.slice(0, 10)}T23:59:59Z`).toISOString()
          : farAhead.toISOString(),
        answeredAt: now.toISOString(),
      },
    ]),
  );
}
