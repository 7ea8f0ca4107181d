import { AssessmentDetail } from '@internal/backstage-plugin-reliability-common';
import { readChecklistChanges } from './checklistChanges';
import { ChecklistHistorySource } from './reportSources';
import {
  storedAnswer,
  storedAssessment,
} from './__testUtils__/storedAssessment';

const REF = 'component:default/checkout-api';
const from = new Date('2026-10-01T00:00:00.000Z');
const to = new Date('2026-11-22T12:00:00.000Z');

const stored: AssessmentDetail[] = [
  storedAssessment('before', '2026-09-01T09:00:00.000Z', 'none', {}),
  storedAssessment('in-period', '2026-10-15T09:00:00.000Z', 'none', {
    b1: storedAnswer('yes'),
    b2: storedAnswer('no'),
    b3: storedAnswer('yes'),
    b4: storedAnswer('yes'),
  }),
  // Submitted while the report was being read.
  storedAssessment('after', '2026-11-23T09:00:00.000Z', 'none', {}),
];

function source(
  newest: (
    entityRef: string,
    count: number,
  ) => Promise<AssessmentDetail[]> = async (_ref, count) =>
    stored.slice(-count).reverse(),
) {
  return {
    getHistory: async (entityRef: string, limit: number) => ({
      entityRef,
      assessments: stored
        .slice(-limit)
        .map(({ checklist: _c, answers: _a, ...record }) => record),
    }),
    getNewestAssessments: jest.fn(newest),
  } satisfies ChecklistHistorySource;
}

describe('readChecklistChanges', () => {
  it('says what kept each assessment of the period from the next level, reading the answers once', async () => {
    const checklist = source();
    const read = await readChecklistChanges(checklist, REF, from, to);
    expect(read).toEqual({
      changes: [
        {
          entityRef: REF,
          assessmentId: 'in-period',
          assessedAt: '2026-10-15T09:00:00.000Z',
          author: 'user:default/ada',
          level: 'none',
          score: 80,
          previousLevel: 'none',
          heldBackBy: {
            nextLevel: 'bronze',
            source: 'answers',
            items: ['Item b2'],
            more: 0,
          },
        },
      ],
      problems: [],
    });
    // The newest two: the one of the period and the one submitted after it.
    expect(checklist.getNewestAssessments.mock.calls).toEqual([[REF, 2]]);
  });

  it('reads no answers for a period without assessments', async () => {
    const checklist = source();
    const read = await readChecklistChanges(
      checklist,
      REF,
      new Date('2026-11-01T00:00:00.000Z'),
      to,
    );
    expect(read).toEqual({ changes: [], problems: [] });
    expect(checklist.getNewestAssessments).not.toHaveBeenCalled();
  });

  it('keeps the changes, without heldBackBy, when the answers cannot be read', async () => {
    const checklist = source(async () => {
      throw new Error('database gone');
    });
    const read = await readChecklistChanges(checklist, REF, from, to);
    expect(read.changes).toEqual([
      expect.objectContaining({ assessmentId: 'in-period' }),
    ]);
    expect(read.changes[0]).not.toHaveProperty('heldBackBy');
    expect(read.problems).toEqual([
      'What held the checklist levels of component:default/checkout-api back could not be read: database gone',
    ]);
  });

  it('gives the changes alone from a source that keeps no answers', async () => {
    const { getNewestAssessments: _, ...historyOnly } = source();
    const read = await readChecklistChanges(historyOnly, REF, from, to);
    expect(read.changes).toEqual([
      expect.not.objectContaining({ heldBackBy: expect.anything() }),
    ]);
    expect(read.changes).toHaveLength(1);
  });
});
