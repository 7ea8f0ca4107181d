import { DateTime } from 'luxon';
import { personAt, scheduleSegments } from './computeOnCall';
import { schedule } from '../__testUtils__/testSchedules';
import { seededRandom } from '../../shared/seededRandom';

const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
/** Handoff times outside the 01:00-03:59 hours where these zones change their clocks. */
const HANDOFFS = ['00:00', '06:15', '09:00', '17:30', '23:45'];
const MEMBERS = ['ana@example.com', 'bo@example.com', 'cy@example.com'];

/**
 * Independent oracle: the number of handoffs since the start, counted in calendar days with luxon.
 * The turn changes when the local clock reaches the handoff time on a new local date.
 */
function expectedTurnDays(
  instant: number,
  zone: string,
  start: string,
  handoff: string,
): number {
  const local = DateTime.fromMillis(instant, { zone });
  const [hour, minute] = handoff.split(':').map(Number);
  const handoffToday = DateTime.fromObject(
    { year: local.year, month: local.month, day: local.day, hour, minute },
    { zone },
  );
  const days = Math.round(
    DateTime.fromISO(local.toISODate()!, { zone: 'utc' })
      .diff(DateTime.fromISO(start, { zone: 'utc' }), 'days')
      .as('days'),
  );
  return local < handoffToday ? days - 1 : days;
}

describe('scheduleSegments / personAt across DST', () => {
  it.each(ZONES)(
    'a daily rotation hands off at the same local time every calendar day in %s',
    zone => {
      for (const handoff of HANDOFFS) {
        const s = schedule({
          id: 's',
          name: 'S',
          timeZone: zone,
          layers: [
            {
              name: 'L',
              members: MEMBERS,
              rotation: 'daily',
              handoffTime: handoff,
              start: '2025-12-01',
            },
          ],
        });
        // Covers the spring and autumn changes of both hemispheres.
        const from = Date.parse('2026-03-01T00:00:00Z');
        const to = Date.parse('2026-11-10T00:00:00Z');
        const segments = scheduleSegments(s, from, to);
        expect(segments.length).toBeGreaterThan(250);
        // Every handoff after the first segment happens at the handoff time, local.
        const handoffs = segments
          .slice(1)
          .map(x => DateTime.fromMillis(x.startMs, { zone }).toFormat('HH:mm'));
        expect(new Set(handoffs)).toEqual(new Set([handoff]));
        // Segments are contiguous.
        for (const [i, segment] of segments.slice(1).entries()) {
          expect(segment.startMs).toBe(segments[i].endMs);
        }
        // Whole segments last one calendar day, however many hours it has.
        for (const segment of segments.slice(1, -1)) {
          const start = DateTime.fromMillis(segment.startMs, { zone });
          const end = DateTime.fromMillis(segment.endMs, { zone });
          expect(end.toISODate()).toBe(start.plus({ days: 1 }).toISODate());
          expect(end.toFormat('HH:mm')).toBe(handoff);
        }
      }
    },
  );

  it.each(ZONES)(
    'who is on call at random instants matches a calendar-day oracle in %s',
    zone => {
      const next = seededRandom(zone.length * 7919);
      for (const handoff of HANDOFFS) {
        for (const rotation of ['daily', 'weekly'] as const) {
          const s = schedule({
            id: 's',
            name: 'S',
            timeZone: zone,
            layers: [
              {
                name: 'L',
                members: MEMBERS,
                rotation,
                handoffTime: handoff,
                start: '2025-06-02',
              },
            ],
          });
          const from = Date.parse('2025-07-01T00:00:00Z');
          const span = Date.parse('2027-07-01T00:00:00Z') - from;
          for (let n = 0; n < 150; n++) {
            const instant = from + Math.floor(next() * span);
            const days = expectedTurnDays(instant, zone, '2025-06-02', handoff);
            const turn = rotation === 'daily' ? days : Math.floor(days / 7);
            expect(personAt(s, instant)?.email).toBe(
              MEMBERS[turn % MEMBERS.length],
            );
          }
        }
      }
    },
  );

  it('keeps a 09:00 Europe/Berlin handoff at 09:00 across the March and October changes', () => {
    const s = schedule({
      id: 's',
      name: 'S',
      timeZone: 'Europe/Berlin',
      layers: [
        {
          name: 'L',
          members: MEMBERS,
          rotation: 'daily',
          handoffTime: '09:00',
          start: '2026-03-01',
        },
      ],
    });
    const march = scheduleSegments(
      s,
      Date.parse('2026-03-28T08:00:00Z'),
      Date.parse('2026-03-30T12:00:00Z'),
    );
    expect(march.map(x => new Date(x.startMs).toISOString())).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z', // 09:00 CEST
      '2026-03-30T07:00:00.000Z',
    ]);
    // The Saturday 09:00 CET -> Sunday 09:00 CEST shift lasts 23 hours.
    expect(march[0].endMs - Date.parse('2026-03-28T08:00:00Z')).toBe(
      23 * 3_600_000,
    );

    const october = scheduleSegments(
      s,
      Date.parse('2026-10-24T07:00:00Z'),
      Date.parse('2026-10-26T12:00:00Z'),
    );
    expect(october.map(x => new Date(x.startMs).toISOString())).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z', // 09:00 CET
      '2026-10-26T08:00:00.000Z',
    ]);
    expect(october[0].endMs - october[0].startMs).toBe(25 * 3_600_000);
  });

  it('hands off a weekly rotation after 167 hours over the spring change', () => {
    const s = schedule({
      id: 's',
      name: 'S',
      timeZone: 'America/New_York',
      layers: [
        {
          name: 'L',
          members: MEMBERS,
          rotation: 'weekly',
          handoffTime: '10:00',
          start: '2026-03-02',
        },
      ],
    });
    const [first] = scheduleSegments(
      s,
      Date.parse('2026-03-02T15:00:00Z'),
      Date.parse('2026-03-20T00:00:00Z'),
    );
    expect(first.endMs - first.startMs).toBe(167 * 3_600_000);
    expect(
      DateTime.fromMillis(first.endMs, { zone: 'America/New_York' }).toFormat(
        'ccc HH:mm',
      ),
    ).toBe('Mon 10:00');
  });

  it('keeps custom 12-hour turns on 09:00 and 21:00 local time', () => {
    const zone = 'Australia/Sydney';
    const s = schedule({
      id: 's',
      name: 'S',
      timeZone: zone,
      layers: [
        {
          name: 'L',
          members: ['a@x.io', 'b@x.io'],
          rotation: 'custom',
          rotationHours: 12,
          handoffTime: '09:00',
          start: '2026-03-30',
        },
      ],
    });
    // Sydney leaves daylight time on 2026-04-05.
    const segments = scheduleSegments(
      s,
      Date.parse('2026-04-02T00:00:00Z'),
      Date.parse('2026-04-09T00:00:00Z'),
    );
    for (const segment of segments.slice(1)) {
      expect(['09:00', '21:00']).toContain(
        DateTime.fromMillis(segment.startMs, { zone }).toFormat('HH:mm'),
      );
    }
  });

  it('starts a handoff that falls in the spring-forward gap when the clocks jump', () => {
    const s = schedule({
      id: 's',
      name: 'S',
      timeZone: 'Europe/Berlin',
      layers: [
        {
          name: 'L',
          members: ['a@x.io', 'b@x.io'],
          rotation: 'daily',
          handoffTime: '02:30',
          start: '2026-03-01',
        },
      ],
    });
    const segments = scheduleSegments(
      s,
      Date.parse('2026-03-28T12:00:00Z'),
      Date.parse('2026-03-30T12:00:00Z'),
    );
    expect(segments.map(x => new Date(x.startMs).toISOString())).toEqual([
      '2026-03-28T12:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });
});

describe('layers, restrictions and overrides', () => {
  const base = {
    id: 'pay',
    name: 'Payments',
    timeZone: 'Europe/Berlin',
    layers: [
      {
        name: 'Follow the sun',
        members: ['night@x.io'],
        rotation: 'weekly',
        handoffTime: '09:00',
        start: '2026-01-05',
      },
      {
        name: 'Office hours',
        members: ['ana@x.io', 'bo@x.io'],
        rotation: 'weekly',
        handoffTime: '09:00',
        start: '2026-01-05',
        restrictions: [{ days: 'weekdays', start: '09:00', end: '17:00' }],
      },
    ],
  };

  it('lets a restricted higher layer override the lower one only inside its windows', () => {
    const s = schedule(base);
    // Monday 2026-03-30 (CEST), week 12 since 2026-01-05 -> ana.
    expect(personAt(s, Date.parse('2026-03-30T07:00:00Z'))?.email).toBe(
      'ana@x.io',
    );
    expect(personAt(s, Date.parse('2026-03-30T14:59:59Z'))?.email).toBe(
      'ana@x.io',
    );
    expect(personAt(s, Date.parse('2026-03-30T15:00:00Z'))?.email).toBe(
      'night@x.io',
    );
    expect(personAt(s, Date.parse('2026-03-30T06:59:59Z'))?.email).toBe(
      'night@x.io',
    );
    // Saturday: the office-hours layer is off.
    expect(personAt(s, Date.parse('2026-04-04T10:00:00Z'))?.email).toBe(
      'night@x.io',
    );
    // The week after, bo.
    expect(personAt(s, Date.parse('2026-04-06T08:00:00Z'))?.email).toBe(
      'bo@x.io',
    );
  });

  it('follows restriction windows in local time across a DST change', () => {
    const s = schedule(base);
    const segments = scheduleSegments(
      s,
      Date.parse('2026-03-23T00:00:00Z'),
      Date.parse('2026-04-04T00:00:00Z'),
    ).filter(x => x.person?.email !== 'night@x.io');
    expect(segments).toHaveLength(10);
    for (const segment of segments) {
      const start = DateTime.fromMillis(segment.startMs, {
        zone: 'Europe/Berlin',
      });
      const end = DateTime.fromMillis(segment.endMs, { zone: 'Europe/Berlin' });
      expect(start.toFormat('HH:mm')).toBe('09:00');
      expect(end.toFormat('HH:mm')).toBe('17:00');
      expect(start.weekday).toBeLessThanOrEqual(5);
    }
  });

  it('supports overnight restriction windows', () => {
    const s = schedule({
      ...base,
      layers: [
        { ...base.layers[0], restrictions: [{ start: '17:00', end: '09:00' }] },
      ],
    });
    expect(personAt(s, Date.parse('2026-03-30T20:00:00Z'))?.email).toBe(
      'night@x.io',
    );
    expect(personAt(s, Date.parse('2026-03-31T06:30:00Z'))?.email).toBe(
      'night@x.io',
    );
    expect(personAt(s, Date.parse('2026-03-31T10:00:00Z'))).toBeNull();
  });

  it('lets overrides win over every layer, the last listed first', () => {
    const s = schedule({
      ...base,
      overrides: [
        {
          member: 'user:default/cover',
          start: '2026-03-30T10:00',
          end: '2026-03-30T12:00',
        },
        {
          member: 'user:late',
          start: '2026-03-30T11:00:00+02:00',
          end: '2026-03-30T11:30:00+02:00',
        },
      ],
    });
    expect(personAt(s, Date.parse('2026-03-30T08:30:00Z'))?.userRef).toBe(
      'user:default/cover',
    );
    expect(personAt(s, Date.parse('2026-03-30T09:10:00Z'))?.userRef).toBe(
      'user:default/late',
    );
    expect(personAt(s, Date.parse('2026-03-30T09:45:00Z'))?.userRef).toBe(
      'user:default/cover',
    );
    expect(personAt(s, Date.parse('2026-03-30T10:00:00Z'))?.email).toBe(
      'ana@x.io',
    );
    const segments = scheduleSegments(
      s,
      Date.parse('2026-03-30T07:00:00Z'),
      Date.parse('2026-03-30T12:00:00Z'),
    );
    expect(segments.map(x => x.person?.userRef ?? x.person?.email)).toEqual([
      'ana@x.io',
      'user:default/cover',
      'user:default/late',
      'user:default/cover',
      'ana@x.io',
    ]);
  });

  it('has nobody on call before the first handoff or after a layer ends', () => {
    const s = schedule({
      ...base,
      layers: [{ ...base.layers[0], end: '2026-02-02' }],
    });
    expect(personAt(s, Date.parse('2026-01-05T07:59:59Z'))).toBeNull();
    expect(personAt(s, Date.parse('2026-01-05T08:00:00Z'))?.email).toBe(
      'night@x.io',
    );
    expect(personAt(s, Date.parse('2026-02-02T08:00:00Z'))).toBeNull();
  });
});
