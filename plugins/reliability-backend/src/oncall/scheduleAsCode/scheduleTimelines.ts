import { CompiledSchedule } from './compileSchedule';
import { ScheduleSegment, scheduleSegments } from './computeOnCall';
import { DAY_MS } from './wallClock';

/** Windows kept per schedule (a refresh asks for the on-call window and for the 90-day shift history). */
const WINDOWS_PER_SCHEDULE = 4;

interface Timeline {
  from: number;
  to: number;
  segments: ScheduleSegment[];
}

/**
 * Schedule timelines computed once and reused: every service of a team shares its team's schedule, and each
 * provider call computed that schedule's timeline again (1,000 times per schedule in a refresh at 100,000
 * services: 31 s of the refresh's CPU time in the profile, docs/benchmarks.md). A timeline is computed over whole
 * UTC days around the window asked for, and clipped to it: the segments of [from, to) are those of the wider
 * timeline cut at from and to, since adjacent segments differ in person either way. Keyed by the compiled
 * schedule object, so a reloaded schedule file (new objects) computes afresh and old timelines are collected.
 */
export class ScheduleTimelines {
  private readonly bySchedule = new WeakMap<CompiledSchedule, Timeline[]>();

  /** The same segments as `scheduleSegments(schedule, from, to)`. */
  segments(
    schedule: CompiledSchedule,
    from: number,
    to: number,
  ): ScheduleSegment[] {
    if (!(from < to)) return scheduleSegments(schedule, from, to);
    const timelines = this.bySchedule.get(schedule) ?? [];
    let timeline = timelines.find(t => t.from <= from && to <= t.to);
    if (!timeline) {
      const wideFrom = Math.floor(from / DAY_MS) * DAY_MS;
      const wideTo = (Math.floor(to / DAY_MS) + 1) * DAY_MS;
      timeline = {
        from: wideFrom,
        to: wideTo,
        segments: scheduleSegments(schedule, wideFrom, wideTo),
      };
      timelines.unshift(timeline);
      timelines.length = Math.min(timelines.length, WINDOWS_PER_SCHEDULE);
      this.bySchedule.set(schedule, timelines);
    }
    return clip(timeline.segments, from, to);
  }
}

/** The segments overlapping [from, to), cut at from and to (segments are consecutive and in order). */
function clip(
  segments: ScheduleSegment[],
  from: number,
  to: number,
): ScheduleSegment[] {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (segments[middle].endMs <= from) low = middle + 1;
    else high = middle;
  }
  const clipped: ScheduleSegment[] = [];
  for (let i = low; i < segments.length && segments[i].startMs < to; i++) {
    const { person, startMs, endMs } = segments[i];
    clipped.push({
      person,
      startMs: Math.max(startMs, from),
      endMs: Math.min(endMs, to),
    });
  }
  return clipped;
}
