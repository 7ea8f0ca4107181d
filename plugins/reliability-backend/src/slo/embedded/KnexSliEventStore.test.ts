import { InputError } from '@backstage/errors';
import {
  migratedDatabase,
  sloTestDatabases,
} from '../__testUtils__/testDatabase';
import { KnexSliEventStore } from './KnexSliEventStore';

jest.setTimeout(60_000);

const ref = 'component:default/checkout';
const t = (iso: string) => new Date(iso);

describe('KnexSliEventStore', () => {
  it.each(sloTestDatabases.eachSupportedId())(
    'replaces an interval written twice instead of double counting (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      const interval = {
        start: t('2026-11-01T00:00:00Z'),
        end: t('2026-11-01T00:05:00Z'),
        good: 90,
        total: 100,
      };
      await store.writeEvents(ref, 'availability', [interval]);
      await store.writeEvents(ref, 'availability', [
        { ...interval, good: 95 },
        {
          start: t('2026-11-01T00:05:00Z'),
          end: t('2026-11-01T00:10:00Z'),
          good: 10,
          total: 10,
        },
      ]);
      await store.writeEvents(ref, 'latency', [interval]);

      await expect(
        store.sumEvents(
          ref,
          'availability',
          t('2026-11-01T00:00:00Z'),
          t('2026-11-02T00:00:00Z'),
        ),
      ).resolves.toEqual({ good: 105, total: 110 });
      await expect(
        store.sumEvents(
          ref,
          'availability',
          t('2026-11-01T00:05:00Z'),
          t('2026-11-02T00:00:00Z'),
        ),
      ).resolves.toEqual({ good: 10, total: 10 });
      await expect(
        store.sumEvents(
          'component:default/other',
          'availability',
          t('2026-11-01T00:00:00Z'),
          t('2026-11-02T00:00:00Z'),
        ),
      ).resolves.toEqual({ good: 0, total: 0 });
      await expect(store.getExtent(ref, 'availability')).resolves.toEqual({
        firstStart: t('2026-11-01T00:00:00Z'),
        lastEnd: t('2026-11-01T00:10:00Z'),
      });
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'rejects intervals overlapping stored ones and writes nothing (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      await store.writeEvents(ref, 'availability', [
        {
          start: t('2026-11-01T00:00:00Z'),
          end: t('2026-11-01T00:10:00Z'),
          good: 9,
          total: 10,
        },
      ]);
      const write = store.writeEvents(ref, 'availability', [
        {
          start: t('2026-11-01T00:20:00Z'),
          end: t('2026-11-01T00:25:00Z'),
          good: 1,
          total: 1,
        },
        {
          start: t('2026-10-31T23:55:00Z'),
          end: t('2026-11-01T00:01:00Z'),
          good: 1,
          total: 1,
        },
      ]);
      await expect(write).rejects.toThrow(InputError);
      await expect(write).rejects.toThrow(
        '2026-10-31T23:55:00.000Z–2026-11-01T00:01:00.000Z overlaps the stored 2026-11-01T00:00:00.000Z–2026-11-01T00:10:00.000Z',
      );
      // Another SLI or entity does not conflict.
      await store.writeEvents(ref, 'latency', [
        {
          start: t('2026-11-01T00:05:00Z'),
          end: t('2026-11-01T00:06:00Z'),
          good: 1,
          total: 1,
        },
      ]);
      await expect(
        store.sumEvents(
          ref,
          'availability',
          t('2026-10-01T00:00:00Z'),
          t('2026-12-01T00:00:00Z'),
        ),
      ).resolves.toEqual({ good: 9, total: 10 });
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'stores counts beyond 32 bits and applies retention (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      const big = 5_000_000_000;
      await store.writeEvents(ref, 'availability', [
        {
          start: t('2026-10-01T00:00:00Z'),
          end: t('2026-10-02T00:00:00Z'),
          good: big - 1,
          total: big,
        },
        {
          start: t('2026-11-01T00:00:00Z'),
          end: t('2026-11-02T00:00:00Z'),
          good: 1,
          total: 1,
        },
      ]);
      await store.writeEvents('component:default/gone', 'availability', [
        {
          start: t('2026-11-01T00:00:00Z'),
          end: t('2026-11-02T00:00:00Z'),
          good: 1,
          total: 1,
        },
      ]);
      await expect(
        store.sumEvents(
          ref,
          'availability',
          t('2026-09-01T00:00:00Z'),
          t('2026-12-01T00:00:00Z'),
        ),
      ).resolves.toEqual({ good: big, total: big + 1 });

      await expect(
        store.deleteOlderThan(t('2026-10-15T00:00:00Z'), [
          'component:default/other',
        ]),
      ).resolves.toBe(0);
      await expect(
        store.deleteOlderThan(t('2026-10-15T00:00:00Z'), [ref]),
      ).resolves.toBe(1);
      await expect(store.deleteEntitiesNotIn(new Set([ref]))).resolves.toBe(1);
      await expect(
        store.getExtent('component:default/gone', 'availability'),
      ).resolves.toBeUndefined();
      await expect(store.getExtent(ref, 'availability')).resolves.toEqual({
        firstStart: t('2026-11-01T00:00:00Z'),
        lastEnd: t('2026-11-02T00:00:00Z'),
      });
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'ages out the intervals ended before the cutoff of every SLI of the entities named, and only those (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      const hour = (h: number) => new Date(Date.UTC(2026, 10, 1, h));
      // 120 entities (more than one delete's worth), three SLIs each: hours 0-5 stored; entity i's latency from hour i % 4.
      const refs = Array.from(
        { length: 120 },
        (_, i) => `component:default/svc-${String(i).padStart(3, '0')}`,
      );
      for (const [i, entityRef] of refs.entries()) {
        for (const sli of ['availability', 'latency', 'zz-errors']) {
          const first = sli === 'latency' ? i % 4 : 0;
          await store.writeEvents(
            entityRef,
            sli,
            Array.from({ length: 6 - first }, (_, k) => ({
              start: hour(first + k),
              end: hour(first + k + 1),
              good: 1,
              total: 1,
            })),
          );
        }
      }
      // A 2-hour interval straddling the cutoff (hour 3) is kept.
      await store.writeEvents(refs[0], 'straddling', [
        { start: hour(2), end: hour(4), good: 1, total: 1 },
      ]);
      // Every entity but the last: intervals ended before hour 3 (those of hours 0 and 1) go.
      const named = refs.slice(0, 119);
      const expected = named.reduce(
        (sum, _, i) => sum + 2 + 2 + Math.max(0, 2 - (i % 4)),
        0,
      );
      await expect(store.deleteOlderThan(hour(3), named)).resolves.toBe(
        expected,
      );
      await expect(store.deleteOlderThan(hour(3), named)).resolves.toBe(0);
      for (const sli of ['availability', 'latency', 'zz-errors']) {
        await expect(store.getExtent(refs[5], sli)).resolves.toEqual({
          firstStart: hour(2),
          lastEnd: hour(6),
        });
        // The entity not named keeps everything.
        await expect(store.getExtent(refs[119], sli)).resolves.toEqual({
          firstStart: hour(sli === 'latency' ? 119 % 4 : 0),
          lastEnd: hour(6),
        });
      }
      await expect(store.getExtent(refs[0], 'straddling')).resolves.toEqual({
        firstStart: hour(2),
        lastEnd: hour(4),
      });
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'deletes the intervals of every entity not kept, whatever their names sort like (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      const refs = [
        'component:default/a',
        'component:default/a-b',
        'component:default/ab',
        'component:default/b',
        'component:team-x/a',
        'resource:default/a',
      ];
      for (const [i, entityRef] of refs.entries()) {
        for (const sli of ['availability', 'latency']) {
          await store.writeEvents(
            entityRef,
            sli,
            Array.from({ length: i + 1 }, (_, hour) => ({
              start: new Date(Date.UTC(2026, 10, 1, hour)),
              end: new Date(Date.UTC(2026, 10, 1, hour + 1)),
              good: 1,
              total: 1,
            })),
          );
        }
      }
      const keep = new Set([refs[1], refs[4]]);
      // Intervals: 2 SLIs × (i + 1) per entity; the gone ones are entities 0, 2, 3 and 5.
      await expect(store.deleteEntitiesNotIn(keep)).resolves.toBe(
        2 * (1 + 3 + 4 + 6),
      );
      for (const entityRef of refs) {
        const extent = await store.getExtent(entityRef, 'latency');
        expect(extent === undefined).toBe(!keep.has(entityRef));
      }
      await expect(store.deleteEntitiesNotIn(keep)).resolves.toBe(0);
      await expect(store.deleteEntitiesNotIn(new Set())).resolves.toBe(
        2 * (2 + 5),
      );
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'lists the stored entities over several probe queries when there are more than a query lists (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const store = new KnexSliEventStore({ knex });
      const refs = Array.from(
        { length: 2345 },
        (_, i) => `component:default/service-${(i * 7919) % 2345}`,
      );
      await knex.batchInsert(
        'slo_sli_events',
        refs.map(entityRef => ({
          entity_ref: entityRef,
          sli_name: 'availability',
          interval_start: t('2026-11-01T00:00:00Z'),
          interval_end: t('2026-11-01T01:00:00Z'),
          good: 1,
          total: 1,
        })),
        200,
      );
      const keep = new Set(refs.filter((_, i) => i % 3 === 0));
      await expect(store.deleteEntitiesNotIn(keep)).resolves.toBe(
        refs.length - keep.size,
      );
      const left = await knex('slo_sli_events').distinct('entity_ref');
      expect(left.map(row => row.entity_ref).sort()).toEqual([...keep].sort());
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'counts time slices in the database, with unaligned intervals in the slice of their start (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      const minute = (m: number, s = 0) =>
        new Date(Date.UTC(2026, 10, 1, 0, m, s));
      await store.writeEvents(ref, 'availability', [
        // slice 0 [00:00, 00:01): 2 intervals summing 95/100 -> good at 0.95
        { start: minute(0), end: minute(0, 30), good: 45, total: 50 },
        { start: minute(0, 30), end: minute(1), good: 50, total: 50 },
        // slice 1: 94/100 -> bad at 0.95
        { start: minute(1), end: minute(2), good: 94, total: 100 },
        // slice 2: no data -> good
        // slice 3: an interval starting inside it and running into slice 4 belongs to slice 3 -> bad
        { start: minute(3, 40), end: minute(4, 40), good: 0, total: 10 },
        // slice 4: zero traffic recorded -> good
        { start: minute(4, 40), end: minute(5), good: 0, total: 0 },
        // outside [from, to)
        { start: minute(10), end: minute(11), good: 0, total: 10 },
      ]);
      await expect(
        store.countSlices(ref, 'availability', minute(0), minute(5), 60, 0.95),
      ).resolves.toEqual({ goodSlices: 3, totalSlices: 5 });
      // A partial last slice counts: [00:00, 00:04:30) is 5 slices of 60 s.
      await expect(
        store.countSlices(
          ref,
          'availability',
          minute(0),
          minute(4, 30),
          60,
          0.95,
        ),
      ).resolves.toEqual({ goodSlices: 3, totalSlices: 5 });
      // Slices aligned on `from`: from 00:00:30 the first slice holds 50/50 + 94/100 = 144/150 = 0.96.
      await expect(
        store.countSlices(
          ref,
          'availability',
          minute(0, 30),
          minute(2, 30),
          60,
          0.95,
        ),
      ).resolves.toEqual({ goodSlices: 2, totalSlices: 2 });
      await expect(
        store.countSlices(ref, 'availability', minute(1), minute(2), 60, 0.94),
      ).resolves.toEqual({ goodSlices: 1, totalSlices: 1 });
      await expect(
        store.countSlices(ref, 'availability', minute(5), minute(5), 60, 0.95),
      ).resolves.toEqual({ goodSlices: 0, totalSlices: 0 });
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'sums the success ratios of slices with traffic, for RatioTimeslices (%p)',
    async id => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      const minute = (m: number, s = 0) =>
        new Date(Date.UTC(2026, 10, 1, 0, m, s));
      await store.writeEvents(ref, 'availability', [
        // slice 0: 95/100
        { start: minute(0), end: minute(0, 30), good: 45, total: 50 },
        { start: minute(0, 30), end: minute(1), good: 50, total: 50 },
        // slice 1: 1/4
        { start: minute(1), end: minute(2), good: 1, total: 4 },
        // slice 2: nothing; slice 3: zero traffic recorded
        { start: minute(3), end: minute(4), good: 0, total: 0 },
        // slice 4: 1/3
        { start: minute(4), end: minute(5), good: 1, total: 3 },
      ]);
      const sums = await store.sumSliceRatios(
        ref,
        'availability',
        minute(0),
        minute(5),
        60,
      );
      expect(sums.slicesWithData).toBe(3);
      expect(sums.ratioSum).toBeCloseTo(0.95 + 0.25 + 1 / 3, 12);
      await expect(
        store.sumSliceRatios(ref, 'availability', minute(5), minute(5), 60),
      ).resolves.toEqual({ ratioSum: 0, slicesWithData: 0 });
    },
  );
});
