import { formatCoverage, formatMinutes } from './alertFormat';

describe('alert formatting', () => {
  it('formats coverage', () => {
    expect(
      formatCoverage({ pagingAlerts: 4, pagingWithRunbook: 3, ratio: 0.75 }),
    ).toBe('75% (3 of 4 paging alerts)');
    expect(
      formatCoverage({ pagingAlerts: 1, pagingWithRunbook: 1, ratio: 1 }),
    ).toBe('100% (1 of 1 paging alert)');
    expect(
      formatCoverage({ pagingAlerts: 0, pagingWithRunbook: 0, ratio: null }),
    ).toBe('no paging alerts');
  });

  it('formats durations', () => {
    expect(formatMinutes(4.2)).toBe('4 min');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(3060)).toBe('2 d 3 h');
  });
});
