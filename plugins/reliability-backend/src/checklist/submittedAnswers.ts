import { InputError } from '@backstage/errors';
import {
  allowsNotApplicable,
  Checklist,
  StoredAnswer,
  SubmitAssessmentRequest,
} from '@internal/backstage-plugin-reliability-common';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When an answer expires: `value` (a date means "valid through that day", UTC), or now + the validity when
 * omitted. The validity is also the limit: a later date-time is a problem; a date on the limit's own day is
 * accepted and expires at the limit.
 */
function expiryOf(
  value: string | undefined,
  now: Date,
  validityDays: number,
  problem: (message: string) => void,
): string {
  const limit = now.getTime() + validityDays * DAY_MS;
  const limitIso = new Date(limit).toISOString();
  if (value === undefined) {
    return limitIso;
  }
  const dateOnly = DATE_ONLY.test(value);
  const expiry = dateOnly
    ? Date.parse(`${value}T00:00:00Z`) + DAY_MS
    : Date.parse(value);
  const beyond = dateOnly ? value > limitIso.slice(0, 10) : expiry > limit;
  if (expiry <= now.getTime()) {
    problem('expires in the past');
  } else if (beyond) {
    problem(
      `may be valid for at most ${validityDays} days (reliability.checklist.answerValidityDays), that is until ${limitIso}`,
    );
  }
  return new Date(Math.min(expiry, limit)).toISOString();
}

/**
 * Turns the answers of a submission into stored answers, or throws an InputError (400) naming every problem:
 * unknown or automatic items, expiries in the past or beyond the configured validity, "not applicable" on an
 * item that does not allow it, and "not applicable" without a note justifying it.
 */
export function toStoredAnswers(options: {
  checklist: Checklist;
  answers: SubmitAssessmentRequest['answers'];
  now: Date;
  answerValidityDays: number;
}): Record<string, StoredAnswer> {
  const { checklist, now, answerValidityDays } = options;
  const items = new Map(checklist.items.map(i => [i.id, i]));
  const answers: Record<string, StoredAnswer> = {};
  const problems: string[] = [];
  for (const [itemId, input] of Object.entries(options.answers)) {
    const item = items.get(itemId);
    if (!item) {
      problems.push(`unknown item '${itemId}'`);
      continue;
    }
    if (item.kind !== 'self-assessed') {
      problems.push(`item '${itemId}' is evaluated automatically`);
      continue;
    }
    if (input.answer === 'not-applicable') {
      if (!allowsNotApplicable(item)) {
        problems.push(
          `item '${itemId}' cannot be answered "not applicable": it applies to every service`,
        );
      } else if (!input.note?.trim()) {
        problems.push(
          `answer "not applicable" to '${itemId}' needs a note saying why the practice does not apply`,
        );
      }
    }
    const expiresAt = expiryOf(input.expiresAt, now, answerValidityDays, p =>
      problems.push(`answer to '${itemId}' ${p}`),
    );
    answers[itemId] = {
      answer: input.answer,
      ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
      ...(input.note ? { note: input.note } : {}),
      expiresAt,
      answeredAt: now.toISOString(),
    };
  }
  if (problems.length > 0) {
    throw new InputError(`Invalid assessment: ${problems.join('; ')}`);
  }
  return answers;
}
