import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexNotificationLogStore } from './KnexNotificationLogStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const key = {
  kind: 'exemptionExpired',
  subject: 'component:default/orders',
  episode: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
};

describe('KnexNotificationLogStore', () => {
  it.each(databases.eachSupportedId())(
    'lets exactly one of concurrent claims win, releases and applies retention, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const store = new KnexNotificationLogStore({ knex });
      const at = new Date('2026-12-01T00:00:00Z');

      const claims = await Promise.all([
        store.claim(key, at),
        store.claim(key, at),
        store.claim(key, at),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      // Another episode of the same subject is a new notification.
      expect(await store.claim({ ...key, episode: 'other' }, at)).toBe(true);

      await store.release(key);
      expect(await store.claim(key, new Date('2026-12-05T00:00:00Z'))).toBe(
        true,
      );

      expect(await store.deleteBefore(new Date('2026-12-02T00:00:00Z'))).toBe(
        1,
      );
      expect(await store.claim({ ...key, episode: 'other' }, at)).toBe(true);
      expect(await store.claim(key, at)).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the episodes of a kind not closed by the closing kind, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const store = new KnexNotificationLogStore({ knex });
      const at = new Date('2026-12-01T00:00:00Z');
      const burn = (subject: string, episode: string) => ({
        kind: 'sloBurn',
        subject,
        episode,
      });
      await store.claim(burn('component:default/a', 'e1'), at);
      await store.claim(burn('component:default/b', 'e2'), at);
      await store.claim(
        {
          kind: 'sloBurnResolved',
          subject: 'component:default/a',
          episode: 'e1',
        },
        at,
      );
      expect(await store.openEpisodes('sloBurn', 'sloBurnResolved')).toEqual(
        new Map([['component:default/b', 'e2']]),
      );
    },
  );
});
