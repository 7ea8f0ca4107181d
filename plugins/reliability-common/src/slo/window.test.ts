import { SloWindow } from './types';
import { windowLengthSeconds, windowSeconds } from './window';

const iso = (bounds: { start: Date; end: Date }) => [
  bounds.start.toISOString(),
  bounds.end.toISOString(),
];

const calendar = (
  unit: 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year',
  timeZone: string,
  startTime = '2000-01-01 00:00:00',
  count = 1,
): SloWindow => ({
  kind: 'calendar',
  unit,
  count,
  startTime,
  timeZone,
  label: `${count}${unit}`,
});

describe('windowSeconds', () => {
  it('covers [at - duration, at) for rolling windows', () => {
    const at = new Date('2024-03-31T12:00:00Z');
    expect(
      iso(
        windowSeconds(
          { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
          at,
        ),
      ),
    ).toEqual(['2024-03-03T12:00:00.000Z', '2024-03-31T12:00:00.000Z']);
  });

  it('returns the calendar month containing the instant, in UTC', () => {
    expect(
      iso(
        windowSeconds(
          calendar('Month', 'UTC'),
          new Date('2024-02-15T10:00:00Z'),
        ),
      ),
    ).toEqual(['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
    // the first instant of a month belongs to that month
    expect(
      iso(
        windowSeconds(
          calendar('Month', 'UTC'),
          new Date('2024-03-01T00:00:00Z'),
        ),
      ),
    ).toEqual(['2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z']);
  });

  it('keeps local midnight across the spring DST change (Europe/Berlin, March 2024: 743 hours)', () => {
    const window = calendar('Month', 'Europe/Berlin');
    const at = new Date('2024-03-31T12:00:00Z');
    expect(iso(windowSeconds(window, at))).toEqual([
      '2024-02-29T23:00:00.000Z', // 1 March 00:00 CET (+01:00)
      '2024-03-31T22:00:00.000Z', // 1 April 00:00 CEST (+02:00)
    ]);
    expect(windowLengthSeconds(window, at)).toBe((31 * 24 - 1) * 3600);
  });

  it('keeps local midnight across the autumn DST change (America/New_York, November 2024: 721 hours)', () => {
    const window = calendar('Month', 'America/New_York');
    const at = new Date('2024-11-03T06:30:00Z'); // 01:30 EST, the repeated hour
    expect(iso(windowSeconds(window, at))).toEqual([
      '2024-11-01T04:00:00.000Z', // 1 Nov 00:00 EDT (-04:00)
      '2024-12-01T05:00:00.000Z', // 1 Dec 00:00 EST (-05:00)
    ]);
    expect(windowLengthSeconds(window, at)).toBe((30 * 24 + 1) * 3600);
  });

  it('uses the local calendar, not UTC, to decide which period an instant is in', () => {
    // 31 Jan 23:30 UTC is already 1 February in Tokyo
    expect(
      iso(
        windowSeconds(
          calendar('Month', 'Asia/Tokyo'),
          new Date('2024-01-31T23:30:00Z'),
        ),
      ),
    ).toEqual(['2024-01-31T15:00:00.000Z', '2024-02-29T15:00:00.000Z']);
  });

  it('aligns weeks on the start time and days across a DST day (23 hours)', () => {
    const week = calendar('Week', 'UTC', '2024-01-01 00:00:00'); // a Monday
    expect(iso(windowSeconds(week, new Date('2024-05-16T08:00:00Z')))).toEqual([
      '2024-05-13T00:00:00.000Z',
      '2024-05-20T00:00:00.000Z',
    ]);
    const day = calendar('Day', 'Europe/Berlin');
    expect(windowLengthSeconds(day, new Date('2024-03-31T12:00:00Z'))).toBe(
      23 * 3600,
    );
  });

  it('returns quarters and years, and multi-unit periods aligned on the start', () => {
    expect(
      iso(
        windowSeconds(
          calendar('Quarter', 'UTC'),
          new Date('2024-05-16T08:00:00Z'),
        ),
      ),
    ).toEqual(['2024-04-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z']);
    expect(
      iso(
        windowSeconds(
          calendar('Year', 'UTC'),
          new Date('2024-05-16T08:00:00Z'),
        ),
      ),
    ).toEqual(['2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z']);
    const twoWeeks = calendar('Week', 'UTC', '2024-01-01 00:00:00', 2);
    expect(
      iso(windowSeconds(twoWeeks, new Date('2024-01-20T00:00:00Z'))),
    ).toEqual(['2024-01-15T00:00:00.000Z', '2024-01-29T00:00:00.000Z']);
    // periods extend backwards before the start time
    expect(
      iso(windowSeconds(twoWeeks, new Date('2023-12-25T00:00:00Z'))),
    ).toEqual(['2023-12-18T00:00:00.000Z', '2024-01-01T00:00:00.000Z']);
  });

  it('clamps month starts on the 31st to short months', () => {
    const window = calendar('Month', 'UTC', '2024-01-31 00:00:00');
    expect(
      iso(windowSeconds(window, new Date('2024-03-10T00:00:00Z'))),
    ).toEqual(['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z']);
  });

  it('moves a start inside a DST gap forward by the gap (02:30 on the spring-forward day)', () => {
    const window = calendar('Day', 'America/New_York', '2024-03-01 02:30:00');
    expect(
      iso(windowSeconds(window, new Date('2024-03-10T12:00:00Z'))),
    ).toEqual([
      '2024-03-10T07:30:00.000Z', // 03:30 EDT: 02:30 does not exist that day
      '2024-03-11T06:30:00.000Z', // 02:30 EDT
    ]);
  });
});
