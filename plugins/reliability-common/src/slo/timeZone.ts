/**
 * Wall-clock <-> instant conversion in an IANA time zone with `Intl` only (no date library),
 * so calendar SLO windows work the same in the browser and in the backend.
 */

/** A local date and time in some time zone; `month` is 1-12. @public */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows (e.g. `Europe/Berlin`, `UTC`). @public */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock shown in `timeZone` at the instant `epochMs`. @public */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') {
      fields[part.type] = Number(part.value);
    }
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour === 24 ? 0 : fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

function wallClockAsUtcMs(wall: WallClock): number {
  return Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
}

/** UTC offset (ms) of `timeZone` at an instant: local wall clock minus UTC. */
function offsetMs(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtcMs(wallClockAt(whole, timeZone)) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which `timeZone` shows `wall`. Ambiguous times (clocks set back) resolve to the
 * earlier instant; skipped times (clocks set forward) move forward by the length of the gap,
 * as Temporal's "compatible" disambiguation does.
 *
 * @public
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtcMs(wall);
  const offsetBefore = offsetMs(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMs(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter]
    .filter(candidate => asUtc - offsetMs(candidate, timeZone) === candidate)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return candidates[0];
  }
  return asUtc - offsetBefore;
}

/** Adds whole days or months to a wall clock; the day of month is clamped (Jan 31 + 1 month = Feb 28/29). @public */
export function addToWallClock(
  wall: WallClock,
  amount: number,
  unit: 'day' | 'month',
): WallClock {
  if (unit === 'day') {
    const shifted = new Date(
      Date.UTC(wall.year, wall.month - 1, wall.day + amount),
    );
    return {
      ...wall,
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
    };
  }
  const firstOfMonth = new Date(
    Date.UTC(wall.year, wall.month - 1 + amount, 1),
  );
  const year = firstOfMonth.getUTCFullYear();
  const month = firstOfMonth.getUTCMonth() + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...wall, year, month, day: Math.min(wall.day, daysInMonth) };
}

const WALL_CLOCK_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses `YYYY-MM-DD[ HH:mm[:ss]]` (OpenSLO calendar `startTime`); undefined when malformed or not a real date. @public */
export function parseWallClock(text: string): WallClock | undefined {
  const match = WALL_CLOCK_PATTERN.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const wall: WallClock = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
  };
  const check = new Date(wallClockAsUtcMs(wall));
  if (
    check.getUTCFullYear() !== wall.year ||
    check.getUTCMonth() + 1 !== wall.month ||
    check.getUTCDate() !== wall.day ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  ) {
    return undefined;
  }
  return wall;
}

/** Formats a wall clock as `YYYY-MM-DD HH:mm:ss`. @public */
export function formatWallClock(wall: WallClock): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(
    wall.hour,
  )}:${pad(wall.minute)}:${pad(wall.second)}`;
}
