import { testPage, testRow } from '../overview/testData';
import { mergeOwnedServices } from './ownedServices';

const withSlo = (
  name: string,
  worstBudgetRemaining: number | null,
  alerting: 'page' | 'ticket' | null = null,
) =>
  testRow(name, {
    slo: {
      sloCount: 1,
      worstBudgetRemaining,
      alerting,
      slosMeetingTarget: 1,
      stale: false,
    },
  });

describe('mergeOwnedServices', () => {
  it('lists each service once, worst first', () => {
    const merged = mergeOwnedServices([
      testPage([withSlo('calm', 0.9), withSlo('paging', 0.8, 'page')]),
      testPage([
        withSlo('calm', 0.9),
        withSlo('low', 0.1),
        testRow('no-slos', { slo: null }),
        withSlo('calmer', 0.95),
      ]),
    ]);
    expect(merged.services.map(s => s.name)).toEqual([
      'paging',
      'low',
      'no-slos',
      'calm',
      'calmer',
    ]);
    expect(merged.truncated).toBe(false);
  });

  it('says when an owner had more services than one page, or owners were left out', () => {
    expect(
      mergeOwnedServices([
        testPage([withSlo('a', 0.5)], { pageInfo: { nextCursor: 'next' } }),
      ]).truncated,
    ).toBe(true);
    expect(mergeOwnedServices([testPage([])], true).truncated).toBe(true);
  });
});
