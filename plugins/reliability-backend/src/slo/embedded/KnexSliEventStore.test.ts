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
      const store = new KnexSliEventStore(await migratedDatabase(id));
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
    'stores counts beyond 32 bits and applies retention (%p)',
    async id => {
      const store = new KnexSliEventStore(await migratedDatabase(id));
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
        store.deleteOlderThan(t('2026-10-15T00:00:00Z')),
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
});
