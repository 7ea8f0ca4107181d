import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { isReportWeek, readReportScheduleConfig } from './reportScheduleConfig';

function read(reports: JsonObject) {
  return readReportScheduleConfig(
    new ConfigReader({ reliability: { reports } }),
  );
}

describe('readReportScheduleConfig', () => {
  it('is off without a schedule', () => {
    expect(readReportScheduleConfig(new ConfigReader({}))).toBeUndefined();
    expect(read({ owners: ['team-a'] })).toBeUndefined();
  });

  it('reads a cron expression', () => {
    expect(read({ schedule: { cron: '0 8 * * 1' } })).toEqual({
      frequency: { cron: '0 8 * * 1' },
      everyWeeks: 1,
      owners: undefined,
    });
  });

  it('turns a weekday, a time and whole weeks into a weekly cron sending every n weeks', () => {
    expect(
      read({
        schedule: {
          weekday: 'Tuesday',
          time: '09:30',
          frequency: { weeks: 2 },
        },
        owners: ['team-a', 'group:platform/sre'],
      }),
    ).toEqual({
      frequency: { cron: '30 9 * * 2' },
      everyWeeks: 2,
      owners: ['group:default/team-a', 'group:platform/sre'],
    });
    expect(read({ schedule: { weekday: 'monday' } })).toEqual({
      frequency: { cron: '0 8 * * 1' },
      everyWeeks: 1,
      owners: undefined,
    });
    expect(
      read({ schedule: { weekday: 'sunday', frequency: 'P3W' } }),
    ).toMatchObject({ frequency: { cron: '0 8 * * 0' }, everyWeeks: 3 });
  });

  it('reads a duration alone, first sent one cadence after the first start', () => {
    expect(read({ schedule: { frequency: { days: 7 } } })).toEqual({
      frequency: { days: 7 },
      initialDelay: { days: 7 },
      everyWeeks: 1,
      owners: undefined,
    });
  });

  it.each([
    [{ schedule: {} }, /give cron, weekday or frequency/],
    [{ schedule: { cron: '0 8 * *' } }, /5 or 6 fields/],
    [
      { schedule: { cron: '0 8 * * 1', weekday: 'monday' } },
      /either cron, or frequency/,
    ],
    [{ schedule: { weekday: 'someday' } }, /weekday: expected one of sunday/],
    [
      { schedule: { weekday: 'monday', frequency: { days: 10 } } },
      /whole number of weeks/,
    ],
    [{ schedule: { weekday: 'monday', time: '25:00' } }, /expected HH:MM/],
    [
      { schedule: { time: '08:00', frequency: { days: 1 } } },
      /needs a weekday/,
    ],
    [{ schedule: { frequency: { minutes: 5 } } }, /at least one hour/],
    [{ schedule: { every: 'week' } }, /unknown keys every/],
    [
      { schedule: { cron: '0 8 * * 1' }, owners: ['group:'] },
      /reliability.reports.owners/,
    ],
  ])('rejects %j', (reports, message) => {
    expect(() => read(reports)).toThrow(message);
  });
});

describe('isReportWeek', () => {
  it('counts weeks from Monday 1970-01-05, so every replica agrees', () => {
    const monday = new Date('2026-11-23T08:00:00.000Z');
    const nextMonday = new Date('2026-11-30T08:00:00.000Z');
    expect(isReportWeek(monday, 1)).toBe(true);
    expect(isReportWeek(nextMonday, 1)).toBe(true);
    expect(isReportWeek(monday, 2)).not.toBe(isReportWeek(nextMonday, 2));
    // The same week from its Monday to its Sunday.
    expect(isReportWeek(new Date('2026-11-29T23:00:00.000Z'), 2)).toBe(
      isReportWeek(monday, 2),
    );
  });
});
