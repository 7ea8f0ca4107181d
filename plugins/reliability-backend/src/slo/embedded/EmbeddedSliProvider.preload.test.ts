import { Entity } from '@backstage/catalog-model';
import { splitOnSliceGrid } from '@internal/backstage-plugin-reliability-common';
import {
  migratedDatabase,
  sloTestDatabases,
} from '../__testUtils__/testDatabase';
import { EmbeddedSliProvider } from './EmbeddedSliProvider';
import { KnexSliEventStore } from './KnexSliEventStore';
import { PreloadedSliProvider } from './PreloadedSliProvider';

jest.setTimeout(120_000);

const HOUR = 3600_000;
const MINUTE = 60_000;
const now = new Date('2026-11-30T17:23:41.500Z');

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
});

const indicator = (sli: string) => ({
  name: sli,
  ratio: {
    good: { type: 'embedded', spec: { sli } },
    total: { type: 'embedded', spec: { sli } },
  },
});

/** A seeded random number generator, so a failure can be replayed. */
function random(start: number) {
  let state = start;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The intervals one SLO evaluation at `now` measures: a 30-day window and the burn-rate look-backs. */
const windows = [
  30 * 24 * HOUR,
  3 * 24 * HOUR,
  6 * HOUR,
  HOUR,
  30 * MINUTE,
  5 * MINUTE,
].map(ms => ({ from: new Date(now.getTime() - ms), to: now }));

/**
 * Writes 3 days of 1-minute intervals (with gaps and idle minutes) for one SLI and 30 days of hourly intervals for
 * another, so the segments meet both the cut points and the slice grid inside stored intervals' slices.
 */
async function seed(store: KnexSliEventStore) {
  const next = random(42);
  const minutes = [];
  for (
    let t = now.getTime() - 3 * 24 * HOUR;
    t < now.getTime() + 10 * MINUTE;
    t += MINUTE
  ) {
    if (next() < 0.1) continue;
    const total = Math.floor(next() * 50);
    minutes.push({
      start: new Date(t),
      end: new Date(t + MINUTE),
      good: Math.floor(total * (0.9 + next() * 0.1)),
      total,
    });
  }
  await store.writeEvents('component:default/a', 'availability', minutes);
  const hours = [];
  for (let t = now.getTime() - 31 * 24 * HOUR; t < now.getTime(); t += HOUR) {
    const total = 1000 + Math.floor(next() * 100);
    hours.push({
      start: new Date(Math.floor(t / HOUR) * HOUR + 17 * MINUTE),
      end: new Date(Math.floor(t / HOUR) * HOUR + 77 * MINUTE),
      good: total - Math.floor(next() * 30),
      total,
    });
  }
  await store.writeEvents('component:default/b', 'latency', hours);
}

describe('EmbeddedSliProvider.preload', () => {
  it.each(sloTestDatabases.eachSupportedId())(
    'answers every window, look-back and grid piece of a batch exactly as the store does, in one query per grid (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const store = new KnexSliEventStore({ knex });
      await seed(store);
      const provider = new EmbeddedSliProvider({ store });
      const slis = [
        { entity: entity('a'), indicator: indicator('availability') },
        { entity: entity('b'), indicator: indicator('latency') },
        { entity: entity('c'), indicator: indicator('nothing-stored') },
      ];
      let queries = 0;
      const count = () => {
        queries += 1;
      };
      knex.on('query', count);
      const view = await provider.preload(
        slis.flatMap(sli => [
          {
            ...sli,
            intervals: windows,
            sliceSeconds: [],
            timeSliceTargets: [],
          },
          {
            ...sli,
            intervals: windows,
            sliceSeconds: [3600],
            timeSliceTargets: [0.97, 0.9],
          },
        ]),
      );
      knex.off('query', count);
      // One read without grid and one on the 1-hour grid, for all three SLIs.
      expect(queries).toBe(2);

      for (const sli of slis) {
        for (const window of windows) {
          const request = {
            ...sli,
            slo: {} as any,
            objective: {} as any,
            ...window,
          };
          await expect(view.getEventCounts(request)).resolves.toEqual(
            await provider.getEventCounts(request),
          );
          for (const piece of splitOnSliceGrid(window.from, window.to, 3600)) {
            const sliced = { ...request, ...piece, sliceSeconds: 3600 };
            await expect(
              view.getTimeslices({ ...sliced, timeSliceTarget: 0.97 }),
            ).resolves.toEqual(
              await provider.getTimeslices({
                ...sliced,
                timeSliceTarget: 0.97,
              }),
            );
            const ratios = await view.getSliceRatios(sliced);
            const expected = await provider.getSliceRatios(sliced);
            expect(ratios.slicesWithData).toBe(expected.slicesWithData);
            expect(ratios.ratioSum).toBeCloseTo(expected.ratioSum, 9);
          }
        }
      }
      expect((view as PreloadedSliProvider).missed).toBe(0);
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'asks the store for what it did not read ahead (%p)',
    async id => {
      const store = new KnexSliEventStore({ knex: await migratedDatabase(id) });
      await seed(store);
      const provider = new EmbeddedSliProvider({ store });
      const sli = { entity: entity('a'), indicator: indicator('availability') };
      const view = (await provider.preload([
        { ...sli, intervals: windows, sliceSeconds: [], timeSliceTargets: [] },
      ])) as PreloadedSliProvider;
      // 10 minutes ago is not a cut point of the batch: the store answers.
      const request = {
        ...sli,
        slo: {} as any,
        objective: {} as any,
        from: new Date(now.getTime() - 10 * MINUTE),
        to: now,
      };
      const counts = await view.getEventCounts(request);
      expect(counts).toEqual(await provider.getEventCounts(request));
      expect(counts.total).toBeGreaterThan(0);
      expect(view.missed).toBe(1);
      // An SLI not in the batch: the store answers too.
      const other = {
        ...request,
        entity: entity('b'),
        indicator: indicator('latency'),
      };
      await expect(view.getEventCounts(other)).resolves.toEqual(
        await provider.getEventCounts(other),
      );
      expect(view.missed).toBe(2);
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'keeps reads short on SQLite (5 SLIs a read), where they hold the event loop, and batches 25 on PostgreSQL (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const store = new KnexSliEventStore({ knex });
      await seed(store);
      const provider = new EmbeddedSliProvider({ store });
      const twelve = Array.from({ length: 12 }, (_, i) => ({
        entity: entity(i < 6 ? 'a' : 'b'),
        indicator: indicator(`sli-${i}`),
        intervals: windows,
        sliceSeconds: [],
        timeSliceTargets: [],
      }));
      let queries = 0;
      const count = () => {
        queries += 1;
      };
      knex.on('query', count);
      await provider.preload(twelve);
      knex.off('query', count);
      expect(queries).toBe(id === 'POSTGRES_15' ? 1 : 3);
    },
  );
});
