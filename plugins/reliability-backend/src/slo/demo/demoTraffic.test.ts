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
    // burn rate 24 on a 99.9% target: about 2.4% errors
    const errorRate = (paging.total - paging.good) / paging.total;
    expect(errorRate).toBeGreaterThan(0.01);
    expect(errorRate).toBeLessThan(0.03);
    const healthy = counts('healthy', T0);
    expect((healthy.total - healthy.good) / healthy.total).toBeLessThan(0.001);
  });

  it("keeps the paging profile's fast burn over 14.4× in every 5-minute window of a day, at night too", () => {
    const target = 0.9995;
    const start = Date.UTC(2026, 11, 2);
    for (const sliKey of [
      'component:default/payments#payments-requests',
      'a#b',
      'c#d',
    ]) {
      const minutes = Array.from({ length: 24 * 60 }, (_, m) =>
        demoIntervalCounts({
          sliKey,
          profile: 'paging',
          target,
          start: start + m * 60_000,
          end: start + (m + 1) * 60_000,
          incidentAt: start,
        }),
      );
      let lowest = Infinity;
      for (let m = 5; m <= minutes.length; m++) {
        const window = minutes.slice(m - 5, m);
        const bad = window.reduce((sum, c) => sum + c.total - c.good, 0);
        const total = window.reduce((sum, c) => sum + c.total, 0);
        lowest = Math.min(lowest, bad / total / (1 - target));
      }
      expect(lowest).toBeGreaterThan(14.4);
    }
  });
});
