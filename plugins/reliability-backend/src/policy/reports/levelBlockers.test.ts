import { levelBlockers } from './levelBlockers';
import {
  REPORT_CHECKLIST,
  storedAnswer,
  storedAssessment,
} from './__testUtils__/storedAssessment';

const AT = '2026-11-10T09:00:00.000Z';
const allBronzeMet = {
  b1: storedAnswer('yes'),
  b2: storedAnswer('yes'),
  b3: storedAnswer('yes'),
  b4: storedAnswer('yes'),
};

describe('levelBlockers', () => {
  it('names the unmet answers of the first level, heaviest first, at most three', () => {
    const blockers = levelBlockers(
      storedAssessment('a', AT, 'none', {
        b1: storedAnswer('no'),
        b2: storedAnswer('partial'),
        b3: storedAnswer('yes'),
        // Expired before the assessment: counts as not met.
        b4: storedAnswer('yes', '2026-11-01T00:00:00.000Z'),
        s1: storedAnswer('no'),
      }),
    );
    expect(blockers).toEqual({
      nextLevel: 'bronze',
      source: 'answers',
      items: ['Item b2', 'Item b4', 'Item b1'],
      more: 0,
    });
  });

  it('counts the unmet answers beyond three', () => {
    const blockers = levelBlockers(storedAssessment('a', AT, 'none', {}));
    expect(blockers).toEqual({
      nextLevel: 'bronze',
      source: 'answers',
      items: ['Item b2', 'Item b3', 'Item b4'],
      more: 1,
    });
  });

  it('names the blockers recorded at submission, automatic checks without data marked, heaviest first', () => {
    const blockers = levelBlockers({
      ...storedAssessment('a', AT, 'none', allBronzeMet),
      blockingNextLevel: [
        { itemId: 'b1', status: 'no' },
        { itemId: 'b-auto', status: 'unknown' },
        { itemId: 'gone-item', status: 'fail' },
      ],
    });
    expect(blockers).toEqual({
      nextLevel: 'bronze',
      source: 'recorded',
      items: ['Item b-auto (no data)', 'Item b1', 'gone-item'],
      more: 0,
    });
    // Recorded as blocking nothing (an exemption of the day, say): nothing to say, answers notwithstanding.
    expect(
      levelBlockers({
        ...storedAssessment('a', AT, 'none', {}),
        blockingNextLevel: [],
      }),
    ).toBeUndefined();
  });

  it('names the automatic checks when every answer of the level was met', () => {
    const blockers = levelBlockers(
      storedAssessment('a', AT, 'none', allBronzeMet),
    );
    expect(blockers).toEqual({
      nextLevel: 'bronze',
      source: 'automatic',
      items: ['Item b-auto'],
      more: 0,
    });
  });

  it('looks at the level above the stored one', () => {
    const blockers = levelBlockers(
      storedAssessment('a', AT, 'bronze', {
        ...allBronzeMet,
        s1: storedAnswer('yes'),
        s2: storedAnswer('no'),
      }),
    );
    expect(blockers).toEqual({
      nextLevel: 'silver',
      source: 'answers',
      items: ['Item s2'],
      more: 0,
    });
  });

  it('says nothing at the top level, for an unknown level, or when nothing of the next level is unmet', () => {
    const met = {
      ...allBronzeMet,
      s1: storedAnswer('yes'),
      s2: storedAnswer('yes'),
    };
    expect(levelBlockers(storedAssessment('a', AT, 'silver', met))).toBe(
      undefined,
    );
    expect(levelBlockers(storedAssessment('a', AT, 'gold', {}))).toBe(
      undefined,
    );
    // Stored at bronze although silver's answers are all met: an exemption of the day is not kept.
    expect(levelBlockers(storedAssessment('a', AT, 'bronze', met))).toBe(
      undefined,
    );
  });

  it('reads titles from the checklist the assessment answered', () => {
    const renamed = {
      ...REPORT_CHECKLIST,
      items: REPORT_CHECKLIST.items.map(i =>
        i.id === 'b2' ? { ...i, title: 'On-call rotation (as then)' } : i,
      ),
    };
    const blockers = levelBlockers(
      storedAssessment(
        'a',
        AT,
        'none',
        { ...allBronzeMet, b2: storedAnswer('no') },
        renamed,
      ),
    );
    expect(blockers?.items).toEqual(['On-call rotation (as then)']);
  });
});
