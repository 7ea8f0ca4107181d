import { schedule } from '../__testUtils__/testSchedules';
import { scheduleSegments } from './computeOnCall';
import { ScheduleTimelines } from './scheduleTimelines';
import { seededRandom } from '../../shared/seededRandom';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Layers with restrictions and overrides in a zone with DST, so segments start at odd instants. */
const busySchedule = () =>
  schedule({
    id: 'busy',
    name: 'Busy',
    timeZone: 'America/New_York',
    layers: [
      {
        name: 'Weekly',
        members: ['ana@example.com', 'bo@example.com', 'cy@example.com'],
        rotation: 'weekly',
        handoffTime: '09:00',
        start: '2026-01-05',
      },
      {
        name: 'Business hours',
        members: ['dee@example.com', 'ed@example.com'],
        rotation: 'daily',
        handoffTime: '08:30',
        start: '2026-02-01',
        end: '2026-04-01',
        restrictions: [{ days: 'weekdays', start: '08:30', end: '17:45' }],
      },
    ],
    overrides: [
      {
        member: 'fay@example.com',
        start: '2026-03-07T22:00:00-05:00',
        end: '2026-03-09T06:00:00-04:00',
      },
    ],
  });

describe('ScheduleTimelines', () => {
  it('gives the same segments as computing each window afresh', () => {
    const s = busySchedule();
    const timelines = new ScheduleTimelines();
    const next = seededRandom(7);
    const base = Date.UTC(2026, 1, 20);
    for (let i = 0; i < 300; i++) {
      // Windows from a minute to 120 days, starting anywhere in 60 days, many inside earlier ones.
      const from = base + Math.floor(next() * 60 * DAY_MS);
      const to = from + 60_000 + Math.floor(next() * 120 * DAY_MS);
      expect(timelines.segments(s, from, to)).toEqual(
        scheduleSegments(s, from, to),
      );
    }
  });

  it('reuses a timeline for windows inside it and computes afresh for a new schedule object', () => {
    const first = busySchedule();
    const timelines = new ScheduleTimelines();
    const at = Date.UTC(2026, 2, 8, 12);
    const window = (t: number) => timelines.segments(first, t, t + 14 * DAY_MS);
    const a = window(at);
    const b = window(at + HOUR_MS);
    // The same person objects from one computation: the second window was cut from the first's timeline.
    expect(b[0].person).toBe(a[0].person);
    expect(b).toEqual(
      scheduleSegments(first, at + HOUR_MS, at + HOUR_MS + 14 * DAY_MS),
    );
    const reloaded = busySchedule();
    const c = timelines.segments(reloaded, at, at + 14 * DAY_MS);
    expect(c).toEqual(a);
    expect(c[0].person).not.toBe(a[0].person);
  });

  it('answers an empty window as scheduleSegments does', () => {
    const s = busySchedule();
    const at = Date.UTC(2026, 2, 8);
    expect(new ScheduleTimelines().segments(s, at, at)).toEqual(
      scheduleSegments(s, at, at),
    );
  });
});
