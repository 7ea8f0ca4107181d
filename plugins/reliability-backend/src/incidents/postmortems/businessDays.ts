import { DateTime, IANAZone } from 'luxon';

/** True for IANA time zone names luxon (and Intl) know, e.g. `Europe/Berlin` or `UTC`. */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function isWeekend(day: DateTime): boolean {
  // luxon: 1 = Monday ... 7 = Sunday
  return day.weekday >= 6;
}

/**
 * The end (next local midnight) of the `businessDays`-th business day after the local day of `from` in `zone`.
 * Business days are Monday to Friday; the day of `from` itself does not count, so an incident resolved on a
 * Monday with 5 business days is due at the end of the next Monday, and one resolved on a Saturday at the end
 * of the following Friday.
 */
export function businessDaysDeadline(
  from: Date,
  businessDays: number,
  zone: string,
): Date {
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  let counted = 0;
  while (counted < businessDays) {
    day = day.plus({ days: 1 });
    if (!isWeekend(day)) counted += 1;
  }
  return day.plus({ days: 1 }).startOf('day').toJSDate();
}

/** The end (next local midnight) of a calendar day `YYYY-MM-DD` in `zone`: when a due date has passed. */
export function endOfLocalDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone })
    .plus({ days: 1 })
    .startOf('day')
    .toJSDate();
}

/** Today's date (`YYYY-MM-DD`) in `zone`. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}
