import {
  OnCallPerson,
  OnCallPersonLoad,
} from '@internal/backstage-plugin-reliability-common';
import { StoredShift } from './store/OnCallStore';
import {
  DAY_MS,
  fromWall,
  HOUR_MS,
  toWall,
  wallDayStart,
} from './scheduleAsCode/wallClock';

/** Office hours: Monday to Friday, 09:00 to 17:00 in the rotation's time zone. */
const OFFICE_START_HOUR = 9;
const OFFICE_END_HOUR = 17;

/** Milliseconds of [start, end) that fall within office hours in a zone. */
export function officeHoursWithin(
  start: number,
  end: number,
  zone: string,
): number {
  let total = 0;
  const lastDay = wallDayStart(toWall(end, zone));
  for (
    let day = wallDayStart(toWall(start, zone));
    day <= lastDay;
    day += DAY_MS
  ) {
    const weekDay = new Date(day).getUTCDay();
    if (weekDay === 0 || weekDay === 6) continue;
    const open = fromWall(day + OFFICE_START_HOUR * HOUR_MS, zone);
    const close = fromWall(day + OFFICE_END_HOUR * HOUR_MS, zone);
    total += Math.max(0, Math.min(end, close) - Math.max(start, open));
  }
  return total;
}

interface Interval {
  start: number;
  end: number;
  zone: string;
}

/**
 * Merges intervals that overlap (and, with `touching`, those that only meet end to start), so time on call for two
 * services at once counts once.
 */
function union(intervals: Interval[], touching = true): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (
      last &&
      (touching ? interval.start <= last.end : interval.start < last.end)
    ) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

/**
 * On-call load per person over [from, to): hours on call (overlapping shifts count once), number of shifts (shifts
 * of several services or escalation levels that overlap count as one: one person carrying them; back-to-back shifts
 * stay two), and the share of those hours outside office hours. Sorted by hours, most loaded first.
 */
export function computeShiftLoad(
  shifts: StoredShift[],
  from: Date,
  to: Date,
): OnCallPersonLoad[] {
  const byPerson = new Map<
    string,
    { person: OnCallPerson; intervals: Interval[] }
  >();
  for (const shift of shifts) {
    const start = Math.max(shift.start.getTime(), from.getTime());
    const end = Math.min(shift.end.getTime(), to.getTime());
    if (end <= start) continue;
    const entry = byPerson.get(shift.personKey) ?? {
      person: shift.person,
      intervals: [],
    };
    entry.intervals.push({ start, end, zone: shift.timeZone ?? 'UTC' });
    byPerson.set(shift.personKey, entry);
  }
  return [...byPerson.values()]
    .map(({ person, intervals }) => {
      const shiftCount = union(intervals, false).length;
      let total = 0;
      let office = 0;
      for (const interval of union(intervals)) {
        total += interval.end - interval.start;
        office += officeHoursWithin(
          interval.start,
          interval.end,
          interval.zone,
        );
      }
      return {
        person,
        hoursOnCall: Math.round((total / HOUR_MS) * 10) / 10,
        shiftCount,
        outOfHoursShare:
          total > 0
            ? Math.round(((total - office) / total) * 1000) / 1000
            : null,
      };
    })
    .sort((a, b) => b.hoursOnCall - a.hoursOnCall);
}
