import { timeTickFormatter, timeTicks } from './timeAxis';

const at = (iso: string) => new Date(iso).getTime();
const utc = { locale: 'en-US', timeZone: 'UTC' };

describe('timeTicks', () => {
  it('spreads ticks over the whole range, ends included', () => {
    expect(timeTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(timeTicks(10, 10)).toEqual([10]);
  });
});

describe('timeTickFormatter', () => {
  it('shows dates for ranges of two days or more', () => {
    const format = timeTickFormatter(
      at('2026-10-21T12:00:00Z'),
      at('2026-11-20T12:00:00Z'),
      utc,
    );
    expect(format(at('2026-11-03T14:30:00Z'))).toBe('Nov 3');
  });

  it('adds the time of day when the range is under two days', () => {
    const format = timeTickFormatter(
      at('2026-11-19T13:00:00Z'),
      at('2026-11-20T12:00:00Z'),
      utc,
    );
    expect(format(at('2026-11-20T09:05:00Z'))).toBe('Nov 20, 09:05');
  });

  it('adds the year when the range crosses one, and never prints NaN', () => {
    const format = timeTickFormatter(
      at('2026-12-01T00:00:00Z'),
      at('2027-01-15T00:00:00Z'),
      utc,
    );
    expect(format(at('2027-01-02T00:00:00Z'))).toBe('Jan 2, 2027');
    expect(format(Number.NaN)).toBe('');
  });
});
