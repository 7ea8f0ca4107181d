import { defaultChecklist } from '../defaultChecklist';
import { DEMO_EXEMPTIONS, DEMO_MATURITY } from './demoMaturity';

describe('the demo maturity data', () => {
  it('names levels and items of the default checklist, spans about six months and moves levels', () => {
    const levels = new Set([
      'none',
      ...defaultChecklist.levels.map(level => level.id),
    ]);
    const items = new Set(defaultChecklist.items.map(item => item.id));
    for (const story of DEMO_MATURITY) {
      expect(story.assessments.every(a => levels.has(a.level))).toBe(true);
      const days = story.assessments.map(a => a.daysAgo);
      // Oldest first.
      expect([...days].sort((a, b) => b - a)).toEqual(days);
    }
    expect(
      Math.max(
        ...DEMO_MATURITY.flatMap(s => s.assessments.map(a => a.daysAgo)),
      ),
    ).toBeGreaterThanOrEqual(150);
    expect(
      DEMO_MATURITY.filter(
        s => new Set(s.assessments.map(a => a.level)).size > 1,
      ).length,
    ).toBeGreaterThanOrEqual(5);
    expect(DEMO_EXEMPTIONS.map(e => e.status).sort()).toEqual([
      'approved',
      'expired',
      'pending',
    ]);
    expect(DEMO_EXEMPTIONS.every(e => items.has(e.itemId))).toBe(true);
    expect(
      DEMO_EXEMPTIONS.every(e => e.justification.startsWith('Demo data')),
    ).toBe(true);
  });
});
