import { compareBy } from '../../PlainTable';
import { levelRank } from './leaderboardColumns';

describe('levelRank', () => {
  const sorted = (levels: string[], levelIds?: string[]) =>
    [...levels].sort(compareBy(level => levelRank(level, levelIds)));

  it('sorts levels in the checklist’s order, no level first and retired levels last', () => {
    expect(
      sorted(
        ['intermediate', 'none', 'retired', 'beginner', 'advanced'],
        ['beginner', 'intermediate', 'advanced'],
      ),
    ).toEqual(['none', 'beginner', 'intermediate', 'advanced', 'retired']);
  });

  it('puts no level first even without the checklist (ids alphabetically after it)', () => {
    expect(sorted(['intermediate', 'none', 'beginner'])).toEqual([
      'none',
      'beginner',
      'intermediate',
    ]);
  });
});
