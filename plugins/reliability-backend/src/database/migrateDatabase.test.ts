import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from './migrateDatabase';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe('migrateDatabase', () => {
  it.each(databases.eachSupportedId())(
    'migrates up, down to nothing and up again, with the covering index of SLI reads (%p)',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const indexes = async () =>
        knex.client.config.client === 'pg'
          ? (
              await knex.raw(
                "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'slo_sli_events'",
              )
            ).rows.map((r: { name: string }) => r.name)
          : (
              await knex.raw(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'slo_sli_events'",
              )
            ).map((r: { name: string }) => r.name);
      expect(await indexes()).toContain('slo_sli_events_read_idx');
      const directory = resolvePackagePath(
        '@internal/backstage-plugin-reliability-backend',
        'migrations',
      );
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('slo_sli_events')).toBe(false);
      await migrateDatabase(knex);
      expect(await indexes()).toContain('slo_sli_events_read_idx');
    },
  );
});
