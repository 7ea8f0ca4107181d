import {
  AssessmentDetail,
  Checklist,
  ChecklistItem,
  StoredAnswer,
} from '@internal/backstage-plugin-reliability-common';

function item(
  id: string,
  level: string,
  weight: number,
  kind: ChecklistItem['kind'] = 'self-assessed',
): ChecklistItem {
  return {
    id,
    title: `Item ${id}`,
    why: '',
    level,
    category: 'ops',
    weight,
    kind,
  };
}

/** Two levels: bronze (b1, b2, b3, b4 self-assessed, b-auto automatic) and silver (s1, s2 self-assessed). */
export const REPORT_CHECKLIST: Checklist = {
  version: 'report-1',
  title: 'Report test',
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
  categories: [{ id: 'ops', title: 'Operations' }],
  items: [
    item('b1', 'bronze', 1),
    item('b2', 'bronze', 5),
    item('b3', 'bronze', 3),
    item('b4', 'bronze', 2),
    item('b-auto', 'bronze', 4, 'automatic'),
    item('s1', 'silver', 2),
    item('s2', 'silver', 2),
  ],
};

/** An answer valid until `expiresAt`. */
export function storedAnswer(
  answer: StoredAnswer['answer'],
  expiresAt = '2027-06-01T00:00:00.000Z',
): StoredAnswer {
  return { answer, expiresAt, answeredAt: '2026-11-01T00:00:00.000Z' };
}

/** A stored assessment of checkout-api against {@link REPORT_CHECKLIST}. */
export function storedAssessment(
  id: string,
  createdAt: string,
  level: string,
  answers: Record<string, StoredAnswer>,
  checklist: Checklist = REPORT_CHECKLIST,
): AssessmentDetail {
  return {
    id,
    entityRef: 'component:default/checkout-api',
    checklistVersion: checklist.version,
    score: 80,
    level,
    author: 'user:default/ada',
    createdAt,
    checklist,
    answers,
  };
}
