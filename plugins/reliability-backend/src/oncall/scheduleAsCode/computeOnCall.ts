import { OnCallPerson } from '@internal/backstage-plugin-reliability-common';
import { personKey } from '../people';
import { CompiledLayer, CompiledSchedule, turnStart } from './compileSchedule';
import { DAY_MS, fromWall, HOUR_MS, toWall, wallDayStart } from './wallClock';

/** A stretch of time during which one person (or nobody) is on call for a schedule. */
export interface ScheduleSegment {
  person: OnCallPerson | null;
  startMs: number;
  endMs: number;
}

/** Index of the layer's turn that contains instant `t` (t must not precede the layer's start). */
function turnIndexAt(layer: CompiledLayer, t: number, zone: string): number {
  const turnMs = layer.turnHours * HOUR_MS;
  let k = Math.floor((toWall(t, zone) - layer.anchorWall) / turnMs);
  while (k > 0 && turnStart(layer, k, zone) > t) k--;
  while (turnStart(layer, k + 1, zone) <= t) k++;
  return Math.max(k, 0);
}

/** ISO week day (1 = Monday) of a wall-clock day. */
function isoWeekDay(wallDay: number): number {
  const day = new Date(wallDay).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Restriction windows of a layer that start on a given wall-clock day, as instants. */
function restrictionWindows(
  layer: CompiledLayer,
  wallDay: number,
  zone: string,
): Array<[number, number]> {
  const weekDay = isoWeekDay(wallDay);
  return layer.restrictions
    .filter(r => r.isoWeekDays.has(weekDay))
    .map(r => [
      fromWall(wallDay + r.startMinute * 60_000, zone),
      fromWall(wallDay + (r.startMinute + r.lengthMinutes) * 60_000, zone),
    ]);
}

function withinRestrictions(
  layer: CompiledLayer,
  t: number,
  zone: string,
): boolean {
  if (layer.restrictions.length === 0) return true;
  const today = wallDayStart(toWall(t, zone));
  // Windows last at most 24 hours, so only windows starting today or yesterday can contain t.
  for (const day of [today - DAY_MS, today]) {
    for (const [start, end] of restrictionWindows(layer, day, zone)) {
      if (start <= t && t < end) return true;
    }
  }
  return false;
}

/** Who a single layer puts on call at instant `t`, if anyone. */
export function layerPersonAt(
  layer: CompiledLayer,
  t: number,
  zone: string,
): OnCallPerson | null {
  if (t < layer.startMs || (layer.endMs !== null && t >= layer.endMs)) {
    return null;
  }
  if (!withinRestrictions(layer, t, zone)) return null;
  const k = turnIndexAt(layer, t, zone);
  return layer.members[k % layer.members.length];
}

/**
 * Who is on call for a schedule at instant `t`: an override covering `t` wins (the last one listed),
 * else the highest (last listed) layer that has someone on call at `t`.
 */
export function personAt(
  schedule: CompiledSchedule,
  t: number,
): OnCallPerson | null {
  for (let i = schedule.overrides.length - 1; i >= 0; i--) {
    const override = schedule.overrides[i];
    if (override.startMs <= t && t < override.endMs) return override.person;
  }
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const person = layerPersonAt(schedule.layers[i], t, schedule.zone);
    if (person) return person;
  }
  return null;
}

/** Every instant in [from, to) at which the person on call may change. */
function breakpoints(
  schedule: CompiledSchedule,
  from: number,
  to: number,
): number[] {
  const points = new Set<number>([from]);
  const { zone } = schedule;
  for (const layer of schedule.layers) {
    if (layer.startMs >= to || (layer.endMs !== null && layer.endMs <= from)) {
      continue;
    }
    points.add(layer.startMs);
    if (layer.endMs !== null) points.add(layer.endMs);
    let k = turnIndexAt(layer, Math.max(from, layer.startMs), zone);
    for (let start = turnStart(layer, k, zone); start < to; ) {
      points.add(start);
      k += 1;
      start = turnStart(layer, k, zone);
    }
    if (layer.restrictions.length > 0) {
      const lastDay = wallDayStart(toWall(to, zone));
      for (
        let day = wallDayStart(toWall(from, zone)) - DAY_MS;
        day <= lastDay;
        day += DAY_MS
      ) {
        for (const [start, end] of restrictionWindows(layer, day, zone)) {
          points.add(start);
          points.add(end);
        }
      }
    }
  }
  for (const override of schedule.overrides) {
    points.add(override.startMs);
    points.add(override.endMs);
  }
  return [...points].filter(p => p >= from && p < to).sort((a, b) => a - b);
}

function samePerson(a: OnCallPerson | null, b: OnCallPerson | null): boolean {
  if (a === null || b === null) return a === b;
  return personKey(a) === personKey(b);
}

/**
 * The on-call timeline of a schedule over [from, to): consecutive segments, each with the person on call
 * (null: nobody, a gap in coverage). Adjacent segments always differ in person.
 */
export function scheduleSegments(
  schedule: CompiledSchedule,
  from: number,
  to: number,
): ScheduleSegment[] {
  const points = breakpoints(schedule, from, to);
  const segments: ScheduleSegment[] = [];
  points.forEach((start, i) => {
    const end = points[i + 1] ?? to;
    const person = personAt(schedule, start);
    const last = segments[segments.length - 1];
    if (last && samePerson(last.person, person)) {
      last.endMs = end;
    } else {
      segments.push({ person, startMs: start, endMs: end });
    }
  });
  return segments;
}
