import { demoIntervalCounts, demoIntervals } from './demoTraffic';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 10, 20, 12);

describe('demo traffic', () => {
  it('covers a range without gaps or overlaps: hourly, then minutes for the last day', () => {
    const from = T0 - 30 * 24 * HOUR;
    const intervals = demoIntervals(from, T0);
    expect(intervals[0].start).toBe(from);
    expect(intervals[intervals.length - 1].end).toBe(T0);
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i].start).toBe(intervals[i - 1].end);
    }
    expect(intervals[0].end - intervals[0].start).toBe(HOUR);
    expect(
      intervals[intervals.length - 1].end -
        intervals[intervals.length - 1].start,
    ).toBe(60_000);
  });

  it('is deterministic and follows its profile', () => {
    const counts = (profile: 'healthy' | 'paging', start: number) =>
      demoIntervalCounts({
        sliKey: 'x#sli',
        profile,
        target: 0.999,
        start,
        end: start + HOUR,
        incidentAt: T0,
      });
    expect(counts('healthy', T0 - HOUR)).toEqual(counts('healthy', T0 - HOUR));
    const paging = counts('paging', T0);
    expect(paging.good).toBeLessThan(paging.total);
    // burn rate 20 on a 99.9% target: about 2% errors
    const errorRate = (paging.total - paging.good) / paging.total;
    expect(errorRate).toBeGreaterThan(0.01);
    expect(errorRate).toBeLessThan(0.03);
    const healthy = counts('healthy', T0);
    expect((healthy.total - healthy.good) / healthy.total).toBeLessThan(0.001);
  });
});
