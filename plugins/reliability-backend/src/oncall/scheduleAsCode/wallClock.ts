import { IANAZone } from 'luxon';

/**
 * "Wall-clock" milliseconds: the local date and time in a zone, encoded as if it were UTC.
 * Arithmetic on wall-clock values is calendar arithmetic (a day is always 24 wall hours),
 * which is what keeps a 09:00 handoff at 09:00 local time across DST changes.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const zones = new Map<string, IANAZone>();

function zoneOf(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new Error(`Unknown time zone '${name}'`);
    zones.set(name, zone);
  }
  return zone;
}

/** Offsets are looked up through Intl, which is slow; schedules ask for the same instants over and over. */
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_SIZE = 50_000;

/** UTC offset of a zone at an instant, in milliseconds. */
export function offsetAt(instantMs: number, zone: string): number {
  const key = `${zone}|${instantMs}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = zoneOf(zone).offset(instantMs) * MINUTE_MS;
    if (offsetCache.size >= OFFSET_CACHE_SIZE) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The local date and time a zone's clocks show at an instant. */
export function toWall(instantMs: number, zone: string): number {
  return instantMs + offsetAt(instantMs, zone);
}

/**
 * The instant at which a zone's clocks show a wall-clock value. A time repeated by a DST overlap
 * resolves to its first occurrence; a time skipped by a DST gap resolves to the end of the gap
 * (the instant the clocks jump), so a 02:30 handoff on a spring-forward night happens at 03:00.
 */
export function fromWall(wallMs: number, zone: string): number {
  // Offsets a day either side bracket any single transition near this time.
  const before = offsetAt(wallMs - DAY_MS, zone);
  const after = offsetAt(wallMs + DAY_MS, zone);
  const candidates = [wallMs - before, wallMs - after]
    .filter(instant => toWall(instant, zone) === wallMs)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return candidates[0];
  }
  // In a gap: find the transition between the two candidate instants (to the minute, then exactly).
  let low = Math.min(wallMs - before, wallMs - after);
  let high = Math.max(wallMs - before, wallMs - after);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetAt(mid, zone) === offsetAt(low, zone)) low = mid;
    else high = mid;
  }
  return high;
}

/** Wall-clock midnight of the day containing a wall-clock value. */
export function wallDayStart(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/** 'HH:mm' as minutes after midnight. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** 'YYYY-MM-DD' as wall-clock midnight. */
export function wallDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}
