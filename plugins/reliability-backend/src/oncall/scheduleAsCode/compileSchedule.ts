import { OnCallPerson } from '@internal/backstage-plugin-reliability-common';
import { DateTime } from 'luxon';
import { personFromMember } from '../people';
import { RestrictionSpec, ScheduleSpec, WEEK_DAYS, WeekDay } from './schema';
import { fromWall, HOUR_MS, minutesOfDay, wallDate } from './wallClock';

/** A restriction window as minutes of the local day, on given ISO week days (1 = Monday). */
export interface CompiledRestriction {
  isoWeekDays: Set<number>;
  startMinute: number;
  /** Window length in minutes (overnight windows run into the next day). */
  lengthMinutes: number;
}

export interface CompiledLayer {
  name: string;
  members: OnCallPerson[];
  /** Length of one turn in wall-clock hours (daily = 24, weekly = 168). */
  turnHours: number;
  /** Wall-clock time of the first handoff. */
  anchorWall: number;
  startMs: number;
  endMs: number | null;
  restrictions: CompiledRestriction[];
}

export interface CompiledOverride {
  person: OnCallPerson;
  startMs: number;
  endMs: number;
}

/** A validated schedule turned into numbers the on-call computation works with. */
export interface CompiledSchedule {
  id: string;
  name: string;
  zone: string;
  /** Lowest precedence first: a later layer overrides an earlier one. */
  layers: CompiledLayer[];
  /** Later overrides win over earlier ones where they overlap. */
  overrides: CompiledOverride[];
  contact?: Array<{ type: string; value: string }>;
}

const DAY_SETS: Record<string, readonly WeekDay[]> = {
  weekdays: WEEK_DAYS.slice(0, 5),
  weekends: WEEK_DAYS.slice(5),
  everyday: WEEK_DAYS,
};

function isoWeekDays(days: RestrictionSpec['days']): Set<number> {
  const names = typeof days === 'string' ? DAY_SETS[days] : days;
  return new Set(names.map(day => WEEK_DAYS.indexOf(day) + 1));
}

function compileRestriction(spec: RestrictionSpec): CompiledRestriction {
  const start = minutesOfDay(spec.start);
  const end = minutesOfDay(spec.end);
  return {
    isoWeekDays: isoWeekDays(spec.days),
    startMinute: start,
    lengthMinutes: end > start ? end - start : end + 24 * 60 - start,
  };
}

function turnHours(layer: ScheduleSpec['layers'][number]): number {
  if (layer.rotation === 'daily') return 24;
  if (layer.rotation === 'weekly') return 24 * 7;
  return layer.rotationHours!;
}

/** Compiles a validated schedule; instants without an offset are read in the schedule's time zone. */
export function compileSchedule(spec: ScheduleSpec): CompiledSchedule {
  const zone = spec.timeZone;
  return {
    id: spec.id,
    name: spec.name,
    zone,
    contact: spec.contact,
    layers: spec.layers.map(layer => {
      const handoffMs = minutesOfDay(layer.handoffTime) * 60_000;
      const anchorWall = wallDate(layer.start) + handoffMs;
      return {
        name: layer.name,
        members: layer.members.map(personFromMember),
        turnHours: turnHours(layer),
        anchorWall,
        startMs: fromWall(anchorWall, zone),
        endMs: layer.end
          ? fromWall(wallDate(layer.end) + handoffMs, zone)
          : null,
        restrictions: layer.restrictions.map(compileRestriction),
      };
    }),
    overrides: spec.overrides.map(override => ({
      person: personFromMember(override.member),
      startMs: DateTime.fromISO(override.start, { zone }).toMillis(),
      endMs: DateTime.fromISO(override.end, { zone }).toMillis(),
    })),
  };
}

/** Start instant of turn `k` of a layer (turn 0 starts at the first handoff). */
export function turnStart(
  layer: CompiledLayer,
  k: number,
  zone: string,
): number {
  return fromWall(layer.anchorWall + k * layer.turnHours * HOUR_MS, zone);
}
