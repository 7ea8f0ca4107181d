import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexOnCallStore } from './KnexOnCallStore';
import { shift, snapshot } from '../__testUtils__/onCallFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const NOW = new Date('2026-11-20T12:00:00.000Z');

describe.each(databases.eachSupportedId())(
  'KnexOnCallStore (%s)',
  databaseId => {
    async function createStore() {
      const db = await databases.init(databaseId);
      await migrateDatabase(db);
      return new KnexOnCallStore({ knex: db });
    }

    it('keeps the last good snapshot when a later attempt fails', async () => {
      const store = await createStore();
      await store.saveSnapshot('component:default/a', snapshot(), NOW);
      const later = new Date(NOW.getTime() + 60_000);
      await store.saveError('component:default/a', 'fake', 'HTTP 503', later);
      await store.saveError('component:default/b', 'fake', 'HTTP 401', later);

      const latest = await store.getLatest([
        'component:default/a',
        'component:default/b',
        'component:default/none',
      ]);
      expect(latest.size).toBe(2);
      const a = latest.get('component:default/a')!;
      expect(a.snapshot?.current[0].person.name).toBe('ana');
      expect(a.snapshotAt?.toISOString()).toBe(NOW.toISOString());
      expect(a.error).toBe('HTTP 503');
      expect(a.updatedAt.toISOString()).toBe(later.toISOString());
      expect(latest.get('component:default/b')?.snapshot).toBeNull();

      await store.saveSnapshot('component:default/a', snapshot(), later);
      expect(
        (await store.getLatest(['component:default/a'])).get(
          'component:default/a',
        )?.error,
      ).toBeNull();

      await store.deleteLatest(['component:default/b']);
      expect(await store.listLatestEntityRefs()).toEqual([
        'component:default/a',
      ]);
    });

    it('records a shift with an unknown end as lasting until the latest refresh that reports it', async () => {
      const store = await createStore();
      const ref = 'component:default/a';
      const open = { ...shift('ana', 1, '2026-11-20T08:00:00.000Z', '2026-11-21T08:00:00.000Z'), end: null };
      await store.recordShifts(ref, [open], NOW, { current: true });
      const later = new Date(NOW.getTime() + 30 * 60_000);
      await store.recordShifts(ref, [open], later, { current: true });
      const [recorded] = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(recorded.end.toISOString()).toBe(later.toISOString());
    });

    it('records shifts, updates their end and closes shifts no longer reported', async () => {
      const store = await createStore();
      const ref = 'component:default/a';
      const ana = shift(
        'ana',
        1,
        '2026-11-20T08:00:00.000Z',
        '2026-11-21T08:00:00.000Z',
      );
      const bo = shift(
        'bo',
        1,
        '2026-11-21T08:00:00.000Z',
        '2026-11-22T08:00:00.000Z',
      );
      await store.recordShifts(ref, [ana, bo], NOW, { current: true });
      expect(await store.hasFinishedShifts(ref, NOW)).toBe(false);
      let shifts = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      // Shifts that have not started are not recorded.
      expect(shifts.map(s => s.person.name)).toEqual(['ana']);

      // An override: cy takes over at 13:00; ana's shift ends then.
      const at = new Date('2026-11-20T13:00:00.000Z');
      const cy = shift(
        'cy',
        1,
        '2026-11-20T13:00:00.000Z',
        '2026-11-20T18:00:00.000Z',
      );
      await store.recordShifts(ref, [cy], at, { current: true });
      shifts = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(
        shifts.map(s => [
          s.person.name,
          s.start.toISOString(),
          s.end.toISOString(),
          s.timeZone,
        ]),
      ).toEqual([
        [
          'ana',
          '2026-11-20T08:00:00.000Z',
          '2026-11-20T13:00:00.000Z',
          'Europe/Berlin',
        ],
        [
          'cy',
          '2026-11-20T13:00:00.000Z',
          '2026-11-20T18:00:00.000Z',
          'Europe/Berlin',
        ],
      ]);

      // Finished shifts (backfill) do not close anything.
      await store.recordShifts(
        ref,
        [
          shift(
            'dee',
            1,
            '2026-11-10T08:00:00.000Z',
            '2026-11-11T08:00:00.000Z',
          ),
        ],
        at,
      );
      shifts = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(shifts.map(s => s.person.name)).toEqual(['dee', 'ana', 'cy']);
    });

    it('prunes old shifts and shifts of entities gone from the catalog', async () => {
      const store = await createStore();
      await store.recordShifts(
        'component:default/a',
        [
          shift(
            'old',
            1,
            '2026-07-01T08:00:00.000Z',
            '2026-07-02T08:00:00.000Z',
          ),
          shift(
            'new',
            1,
            '2026-11-01T08:00:00.000Z',
            '2026-11-02T08:00:00.000Z',
          ),
        ],
        NOW,
      );
      await store.recordShifts(
        'component:default/gone',
        [shift('x', 1, '2026-11-01T08:00:00.000Z', '2026-11-02T08:00:00.000Z')],
        NOW,
      );
      const deleted = await store.pruneShifts(
        new Date('2026-08-22T00:00:00Z'),
        ['component:default/a'],
      );
      expect(deleted).toBe(2);
      const left = await store.getShifts(
        ['component:default/a', 'component:default/gone'],
        new Date('2026-01-01'),
        NOW,
      );
      expect(left.map(s => s.person.name)).toEqual(['new']);
    });
  },
);
