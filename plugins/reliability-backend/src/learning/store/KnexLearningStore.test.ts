import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexLearningStore } from './KnexLearningStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexLearningStore({ knex }) };
}

const ana = 'user:default/ana';
const bo = 'user:default/bo';
const sre = 'group:default/sre';
const web = 'group:default/web';
const day1 = new Date('2026-11-01T09:00:00Z');
const day2 = new Date('2026-11-02T09:00:00Z');
const day40 = new Date('2026-12-10T09:00:00Z');

describe('KnexLearningStore', () => {
  it.each(databases.eachSupportedId())(
    'ticks items off once, lists them per user and group, and un-ticks them, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(
        await store.markDone(
          { userRef: ana, groupRef: sre, itemId: 'a' },
          day1,
        ),
      ).toBe(day1.toISOString());
      // Ticking again keeps the first time.
      expect(
        await store.markDone(
          { userRef: ana, groupRef: sre, itemId: 'a' },
          day2,
        ),
      ).toBe(day1.toISOString());
      await store.markDone({ userRef: ana, groupRef: web, itemId: 'b' }, day2);
      await store.markDone({ userRef: bo, groupRef: sre, itemId: 'a' }, day2);

      expect(await store.listProgressOf(ana, [sre])).toEqual([
        {
          userRef: ana,
          groupRef: sre,
          itemId: 'a',
          doneAt: day1.toISOString(),
        },
      ]);
      expect((await store.listProgressOf(ana, [sre, web])).length).toBe(2);
      expect(
        (await store.listGroupProgress(sre, [ana, bo]))
          .map(r => r.userRef)
          .sort(),
      ).toEqual([ana, bo]);
      expect(await store.listGroupProgress(sre, [bo])).toHaveLength(1);
      expect(await store.listGroupRefs()).toEqual([sre, web]);
      expect(await store.listUserRefs()).toEqual([ana, bo]);

      expect(
        await store.markNotDone({ userRef: ana, groupRef: sre, itemId: 'a' }),
      ).toBe(true);
      expect(
        await store.markNotDone({ userRef: ana, groupRef: sre, itemId: 'a' }),
      ).toBe(false);
      expect(await store.listProgressOf(ana, [sre])).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes only aged rows of items no longer in a path and of gone users, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.markDone(
        { userRef: ana, groupRef: sre, itemId: 'kept' },
        day1,
      );
      await store.markDone(
        { userRef: ana, groupRef: sre, itemId: 'removed' },
        day1,
      );
      await store.markDone(
        { userRef: bo, groupRef: sre, itemId: 'removed' },
        day40,
      );
      await store.markDone({ userRef: bo, groupRef: web, itemId: 'x' }, day1);

      // `removed` left the path: only the row older than the cut-off goes.
      expect(await store.deleteItemsNotIn(sre, ['kept'], day2)).toBe(1);
      expect(
        (await store.listProgressOf(bo, [sre])).map(r => r.itemId),
      ).toEqual(['removed']);
      expect(
        (await store.listProgressOf(ana, [sre])).map(r => r.itemId),
      ).toEqual(['kept']);
      // A Group without a path: every aged row goes.
      expect(await store.deleteItemsNotIn(web, [], day2)).toBe(1);
      expect(await store.listProgressOf(bo, [web])).toEqual([]);
      // A gone user: only aged rows go.
      expect(await store.deleteUsers([bo], day2)).toBe(0);
      expect(await store.deleteUsers([ana], day2)).toBe(1);
      expect(await store.listUserRefs()).toEqual([bo]);
    },
  );
});
