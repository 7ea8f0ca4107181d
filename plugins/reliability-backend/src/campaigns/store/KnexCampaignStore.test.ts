import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { campaignInput } from '../__testUtils__/campaignFixtures';
import { KnexCampaignStore } from './KnexCampaignStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexCampaignStore({ knex }) };
}

const at = new Date('2026-12-01T09:00:00Z');
const later = new Date('2026-12-02T09:00:00Z');

describe('KnexCampaignStore', () => {
  it.each(databases.eachSupportedId())(
    'creates and replaces campaigns, keeping who created them, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const created = await store.putCampaign(
        'tier-1-beginner',
        campaignInput(),
        'user:default/nora',
        at,
      );
      expect(created).toEqual({
        created: true,
        campaign: {
          id: 'tier-1-beginner',
          ...campaignInput(),
          source: 'api',
          createdBy: 'user:default/nora',
          createdAt: at.toISOString(),
          updatedBy: 'user:default/nora',
          updatedAt: at.toISOString(),
        },
      });
      const replaced = await store.putCampaign(
        'tier-1-beginner',
        campaignInput({
          status: 'finished',
          target: { kind: 'items', itemIds: ['rollback'] },
          scope: { owners: ['group:default/team-a'] },
        }),
        'user:default/ravi',
        later,
      );
      expect(replaced.created).toBe(false);
      expect(replaced.campaign).toMatchObject({
        status: 'finished',
        target: { kind: 'items', itemIds: ['rollback'] },
        scope: { owners: ['group:default/team-a'] },
        createdBy: 'user:default/nora',
        createdAt: at.toISOString(),
        updatedBy: 'user:default/ravi',
        updatedAt: later.toISOString(),
      });
      await store.putCampaign(
        'second',
        campaignInput(),
        'user:default/x',
        later,
      );
      expect((await store.listCampaigns()).map(c => c.id)).toEqual([
        'second',
        'tier-1-beginner',
      ]);
      expect(await store.getCampaign('nope')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one snapshot per campaign and day, and deletes old ones and those of removed campaigns, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const snapshot = (campaignId: string, day: string, done: number) => ({
        campaignId,
        day,
        services: 4,
        done,
        teams: [{ team: 'group:default/team-a', services: 4, done }],
      });
      await store.putSnapshot(snapshot('a', '2026-12-01', 1), at);
      await store.putSnapshot(snapshot('a', '2026-12-02', 1), at);
      // The day's last measurement wins.
      await store.putSnapshot(snapshot('a', '2026-12-02', 3), later);
      await store.putSnapshot(snapshot('gone', '2026-12-02', 2), later);
      expect(await store.listSnapshots('a', 10)).toEqual([
        { day: '2026-12-01', services: 4, done: 1 },
        { day: '2026-12-02', services: 4, done: 3 },
      ]);
      expect(await store.listSnapshots('a', 1)).toEqual([
        { day: '2026-12-02', services: 4, done: 3 },
      ]);

      expect(
        await store.deleteSnapshots({
          before: '2026-12-02',
          campaignIds: new Set(['a']),
        }),
      ).toBe(2);
      expect(await store.listSnapshots('a', 10)).toEqual([
        { day: '2026-12-02', services: 4, done: 3 },
      ]);
      expect(await store.listSnapshots('gone', 10)).toEqual([]);
    },
  );
});
