import {
  alertFiringStats,
  DEFAULT_ALERT_NOISE_RULE,
  isNoisyAlert,
} from './noise';

const NOW = new Date('2026-11-30T12:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function firing(daysAgo: number, minutes: number | null) {
  const start = NOW.getTime() - daysAgo * DAY;
  return {
    startedAt: new Date(start).toISOString(),
    resolvedAt:
      minutes === null
        ? null
        : new Date(start + minutes * MINUTE).toISOString(),
  };
}

describe('alertFiringStats', () => {
  it('counts firings that started within the window, quick resolutions and the median duration', () => {
    const stats = alertFiringStats(
      [
        firing(1, 2),
        firing(2, 4),
        firing(3, 30),
        firing(4, 15),
        firing(0.5, null), // still firing
        firing(31, 1), // before the window
      ],
      NOW,
      { quickResolveMinutes: 15 },
      30,
    );
    expect(stats).toEqual({
      fired: 5,
      resolvedQuickly: 3,
      medianMinutes: 9.5,
      lastFiredAt: new Date(NOW.getTime() - 0.5 * DAY).toISOString(),
    });
  });

  it('ignores unreadable starts and reports no median without resolutions', () => {
    expect(
      alertFiringStats(
        [{ startedAt: 'yesterday', resolvedAt: null }, firing(1, null)],
        NOW,
        { quickResolveMinutes: 15 },
      ),
    ).toEqual({
      fired: 1,
      resolvedQuickly: 0,
      medianMinutes: null,
      lastFiredAt: new Date(NOW.getTime() - DAY).toISOString(),
    });
  });
});

describe('isNoisyAlert', () => {
  it('flags alerts that fired often and were mostly resolved quickly', () => {
    expect(isNoisyAlert({ fired: 10, resolvedQuickly: 8 })).toBe(true);
    expect(isNoisyAlert({ fired: 10, resolvedQuickly: 7 })).toBe(false);
    // Quick but rare.
    expect(isNoisyAlert({ fired: 4, resolvedQuickly: 4 })).toBe(false);
    expect(
      isNoisyAlert(
        { fired: 3, resolvedQuickly: 3 },
        { ...DEFAULT_ALERT_NOISE_RULE, minFirings: 3 },
      ),
    ).toBe(true);
  });
});
