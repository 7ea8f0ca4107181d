import { TestDatabases } from '@backstage/backend-test-utils';
import { GroupReliabilitySummary } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexOverviewStore } from './KnexOverviewStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexOverviewStore({ knex }) };
}

const group = (
  entityRef: string | null,
  serviceCount: number,
  extra: Partial<GroupReliabilitySummary> = {},
): GroupReliabilitySummary => ({
  entityRef,
  serviceCount,
  withSlos: 1 / 3,
  meetingSlos: 2 / 7,
  onCallCoverage: null,
  averageMaturity: 61.123456789,
  breachingCount: 2,
  worstBudgetRemaining: -1.25,
  ...extra,
});

/** The group of services without an owner, with every nullable figure null. */
const withoutOwner = group(null, 1, {
  withSlos: null,
  meetingSlos: null,
  averageMaturity: null,
  worstBudgetRemaining: null,
  breachingCount: 0,
});

describe('KnexOverviewStore', () => {
  it.each(databases.eachSupportedId())(
    'stores a pass and reads each grouping back, largest first, with exact numbers and nulls, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.getRollUp('team')).toBeUndefined();
      const at = new Date('2026-11-30T18:00:00Z');
      await store.replaceRollUps(
        {
          team: [
            group('group:default/b', 2),
            withoutOwner,
            group('group:default/a', 5),
          ],
          system: [group('system:default/shop', 8)],
        },
        at,
      );
      const teams = await store.getRollUp('team');
      expect(teams?.computedAt.toISOString()).toBe('2026-11-30T18:00:00.000Z');
      expect(teams?.groups).toEqual([
        group('group:default/a', 5),
        group('group:default/b', 2),
        withoutOwner,
      ]);
      expect((await store.getRollUp('system'))?.groups).toEqual([
        group('system:default/shop', 8),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces the whole previous pass: groups gone are deleted, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.replaceRollUps(
        {
          team: [group('group:default/a', 5), group('group:default/gone', 1)],
          system: [group('system:default/gone', 6)],
        },
        new Date('2026-11-30T17:00:00Z'),
      );
      await store.replaceRollUps(
        { team: [group('group:default/a', 7)], system: [] },
        new Date('2026-11-30T17:10:00Z'),
      );
      const teams = await store.getRollUp('team');
      expect(teams?.groups).toEqual([group('group:default/a', 7)]);
      expect(teams?.computedAt.toISOString()).toBe('2026-11-30T17:10:00.000Z');
      expect(await store.getRollUp('system')).toBeUndefined();
      const [{ n }] = await knex('overview_group_rollups').count({ n: '*' });
      expect(Number(n)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores thousands of groups in one pass (chunked inserts), on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const teams = Array.from({ length: 2345 }, (_, i) =>
        group(`group:default/team-${String(i).padStart(4, '0')}`, 1),
      );
      await store.replaceRollUps(
        { team: teams, system: [] },
        new Date('2026-11-30T18:00:00Z'),
      );
      expect((await store.getRollUp('team'))?.groups).toEqual(teams);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the previous pass when writing the new one fails, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.replaceRollUps(
        { team: [group('group:default/a', 5)], system: [] },
        new Date('2026-11-30T17:00:00Z'),
      );
      // The insert of the new pass fails inside the transaction (after its delete): the delete is rolled back.
      const failingKnex = {
        transaction: (work: (tx: Knex.Transaction) => Promise<void>) =>
          knex.transaction(tx =>
            work(
              new Proxy(tx, {
                apply: (target, _self, args: [string]) =>
                  Object.assign(target(...args), {
                    insert: () => Promise.reject(new Error('insert failed')),
                  }),
              }),
            ),
          ),
      } as unknown as Knex;
      const failingInsert = new KnexOverviewStore({ knex: failingKnex });
      await expect(
        failingInsert.replaceRollUps(
          { team: [group('group:default/b', 1)], system: [] },
          new Date('2026-11-30T17:10:00Z'),
        ),
      ).rejects.toThrow('insert failed');
      expect((await store.getRollUp('team'))?.groups).toEqual([
        group('group:default/a', 5),
      ]);
    },
  );
});
