import { CalendarUnit } from './duration';
import { SloWindow } from './types';
import {
  addToWallClock,
  instantOf,
  parseWallClock,
  WallClock,
} from './timeZone';

/** Rough length of each calendar unit, only used to guess which period contains an instant. */
const APPROX_UNIT_MS: Record<CalendarUnit, number> = {
  Day: 86_400_000,
  Week: 7 * 86_400_000,
  Month: 30.436875 * 86_400_000,
  Quarter: 91.310625 * 86_400_000,
  Year: 365.2425 * 86_400_000,
};

function shiftWallClock(
  start: WallClock,
  periods: number,
  unit: CalendarUnit,
  count: number,
): WallClock {
  const amount = periods * count;
  switch (unit) {
    case 'Day':
      return addToWallClock(start, amount, 'day');
    case 'Week':
      return addToWallClock(start, amount * 7, 'day');
    case 'Month':
      return addToWallClock(start, amount, 'month');
    case 'Quarter':
      return addToWallClock(start, amount * 3, 'month');
    case 'Year':
    default:
      return addToWallClock(start, amount * 12, 'month');
  }
}

/**
 * The interval [start, end) an SLO window covers when evaluated at `at`.
 *
 * - rolling: `[at - duration, at)`.
 * - calendar: the period containing `at`. Periods are `count` calendar units long and aligned on
 *   `startTime`, read as a wall clock in `timeZone` (so "month starting 00:00 Europe/Berlin" stays at
 *   local midnight across DST changes; months keep the start's day of month, clamped to short months).
 *   Periods extend backwards before `startTime` too.
 *
 * @public
 */
export function windowSeconds(
  window: SloWindow,
  at: Date,
): { start: Date; end: Date } {
  if (window.kind === 'rolling') {
    return {
      start: new Date(at.getTime() - window.durationSeconds * 1000),
      end: new Date(at.getTime()),
    };
  }
  const origin = parseWallClock(window.startTime);
  if (!origin) {
    throw new TypeError(
      `Invalid calendar window startTime '${window.startTime}'`,
    );
  }
  const { unit, count, timeZone } = window;
  const periodStart = (k: number) =>
    instantOf(shiftWallClock(origin, k, unit, count), timeZone);
  const atMs = at.getTime();
  let k = Math.floor((atMs - periodStart(0)) / (APPROX_UNIT_MS[unit] * count));
  while (periodStart(k) > atMs) {
    k -= 1;
  }
  while (periodStart(k + 1) <= atMs) {
    k += 1;
  }
  return { start: new Date(periodStart(k)), end: new Date(periodStart(k + 1)) };
}

/** Length in seconds of the window evaluated at `at` (calendar periods vary: months, DST days). @public */
export function windowLengthSeconds(window: SloWindow, at: Date): number {
  const { start, end } = windowSeconds(window, at);
  return (end.getTime() - start.getTime()) / 1000;
}
