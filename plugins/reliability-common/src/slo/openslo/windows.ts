import {
  CALENDAR_UNIT_MAX_COUNT,
  calendarUnitOf,
  fixedDurationSeconds,
  parseDuration,
} from '../duration';
import { formatWallClock, isValidTimeZone, parseWallClock } from '../timeZone';
import { SloWindow } from '../types';
import { fail } from './errors';
import { MAX_WINDOW_SECONDS, MIN_WINDOW_SECONDS } from './limits';
import { SloSpec } from './schema';

/** The SLO's `timeWindow` (an object or a one-element list) as a rolling or calendar window. */
export function windowOf(spec: SloSpec): SloWindow {
  const input = Array.isArray(spec.timeWindow)
    ? spec.timeWindow[0]
    : spec.timeWindow;
  const path = Array.isArray(spec.timeWindow)
    ? 'spec.timeWindow.0'
    : 'spec.timeWindow';
  const duration = parseDuration(input.duration);
  if (!duration) {
    fail(
      `${path}.duration`,
      `'${input.duration}' is not a duration like 30d, 4w, 1h or 1M`,
    );
  }
  const rolling = input.isRolling ?? input.calendar === undefined;
  if (rolling) {
    const seconds = fixedDurationSeconds(duration);
    if (seconds === undefined) {
      fail(
        `${path}.duration`,
        `a rolling window needs a duration in minutes, hours, days or weeks (e.g. 30d), not '${input.duration}'`,
      );
    }
    if (seconds > MAX_WINDOW_SECONDS || seconds < MIN_WINDOW_SECONDS) {
      fail(`${path}.duration`, 'the window must be between 1m and 366d');
    }
    return { kind: 'rolling', durationSeconds: seconds, label: input.duration };
  }
  const unit = calendarUnitOf(duration);
  if (!unit) {
    const hint =
      duration.unit === 'm'
        ? ` ('${input.duration}' is ${duration.count} minute${
            duration.count > 1 ? 's' : ''
          }; months are written ${duration.count}M)`
        : '';
    fail(
      `${path}.duration`,
      `a calendar window needs a duration in days, weeks, months, quarters or years (e.g. 1M), not '${input.duration}'${hint}`,
    );
  }
  if (duration.count > CALENDAR_UNIT_MAX_COUNT[unit]) {
    fail(`${path}.duration`, 'the window must be at most a year');
  }
  const timeZone = input.calendar?.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    fail(`${path}.calendar.timeZone`, `unknown time zone '${timeZone}'`);
  }
  // Without a start, periods align on a Monday for weeks and on 1 January otherwise.
  const startText =
    input.calendar?.startTime ??
    (unit === 'Week' ? '2024-01-01' : '2000-01-01');
  const start = parseWallClock(startText);
  if (!start) {
    fail(
      `${path}.calendar.startTime`,
      `'${startText}' is not a date and time like 2024-01-01 00:00:00`,
    );
  }
  return {
    kind: 'calendar',
    unit,
    count: duration.count,
    startTime: formatWallClock(start),
    timeZone,
    label: input.duration,
  };
}

/** The longest a window can be: its length when rolling, a year when calendar-aligned. */
export function windowLengthUpperBound(window: SloWindow): number {
  return window.kind === 'rolling'
    ? window.durationSeconds
    : MAX_WINDOW_SECONDS;
}

/** A fixed-length duration field (`5m`, `1h`, `3d`) in seconds. */
export function fixedSeconds(text: string, path: string, what: string): number {
  const duration = parseDuration(text);
  const seconds = duration && fixedDurationSeconds(duration);
  if (!seconds) {
    fail(path, `${what} '${text}' is not a duration like 5m, 1h or 3d`);
  }
  return seconds;
}
