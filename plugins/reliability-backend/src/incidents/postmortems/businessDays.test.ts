import {
  businessDaysDeadline,
  endOfLocalDay,
  isValidTimeZone,
  localDate,
} from './businessDays';

describe('businessDaysDeadline', () => {
  it.each([
    // from (UTC), business days, zone, deadline (UTC)
    // Monday afternoon, 5 business days: end of the next Monday.
    ['2026-11-02T15:00:00Z', 5, 'UTC', '2026-11-10T00:00:00.000Z'],
    // Friday: the weekend does not count.
    ['2026-11-06T09:00:00Z', 1, 'UTC', '2026-11-10T00:00:00.000Z'],
    // Saturday and Sunday: counting starts on Monday.
    ['2026-11-07T12:00:00Z', 5, 'UTC', '2026-11-14T00:00:00.000Z'],
    ['2026-11-08T12:00:00Z', 1, 'UTC', '2026-11-10T00:00:00.000Z'],
    // Late on Friday in UTC is already Saturday in Tokyo (UTC+9): counted from Saturday there.
    ['2026-11-06T20:00:00Z', 1, 'Asia/Tokyo', '2026-11-09T15:00:00.000Z'],
    // Early Saturday in UTC is still Friday in New York (UTC-5 in November).
    ['2026-11-07T02:00:00Z', 1, 'America/New_York', '2026-11-10T05:00:00.000Z'],
    // Across the end of daylight saving time in Berlin (25 Oct 2026): midnight moves from 22:00 to 23:00 UTC.
    ['2026-10-23T10:00:00Z', 1, 'Europe/Berlin', '2026-10-26T23:00:00.000Z'],
  ])('%s + %p business days in %s is due %s', (from, days, zone, due) => {
    expect(businessDaysDeadline(new Date(from), days, zone).toISOString()).toBe(
      due,
    );
  });
});

describe('endOfLocalDay and localDate', () => {
  it('ends a due day at the next local midnight', () => {
    expect(endOfLocalDay('2026-12-01', 'UTC').toISOString()).toBe(
      '2026-12-02T00:00:00.000Z',
    );
    expect(endOfLocalDay('2026-12-01', 'America/New_York').toISOString()).toBe(
      '2026-12-02T05:00:00.000Z',
    );
    expect(localDate(new Date('2026-12-01T23:30:00Z'), 'Asia/Tokyo')).toBe(
      '2026-12-02',
    );
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
