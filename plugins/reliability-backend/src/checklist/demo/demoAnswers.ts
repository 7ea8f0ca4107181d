import {
  Checklist,
  StoredAnswer,
} from '@internal/backstage-plugin-reliability-common';
import { DEMO_AUTHOR, DemoAssessment } from './demoMaturity';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * DEMO DATA: the stored answers of one synthetic assessment made at `at`: every self-assessed item of the
 * assessment's level and below "yes", those of the next level "partial", the rest "no"; each valid for
 * `validDays` (or `answerValidityDays`) from `at` and noted as demo data.
 */
export function demoAnswers(options: {
  checklist: Checklist;
  assessment: DemoAssessment;
  at: Date;
  answerValidityDays: number;
}): Record<string, StoredAnswer> {
  const { checklist, assessment, at, answerValidityDays } = options;
  const rank = (level: string) =>
    checklist.levels.findIndex(l => l.id === level);
  const reached = rank(assessment.level);
  const validDays = Math.min(
    assessment.validDays ?? answerValidityDays,
    answerValidityDays,
  );
  const expiresAt = new Date(at.getTime() + validDays * DAY_MS).toISOString();
  const answers: Record<string, StoredAnswer> = {};
  for (const item of checklist.items) {
    if (item.kind !== 'self-assessed') continue;
    const level = rank(item.level);
    let answer: StoredAnswer['answer'] = 'no';
    if (level <= reached) answer = 'yes';
    else if (level === reached + 1) answer = 'partial';
    answers[item.id] = {
      answer,
      note: `Demo data: synthetic answer by ${DEMO_AUTHOR}.`,
      expiresAt,
      answeredAt: at.toISOString(),
    };
  }
  return answers;
}
