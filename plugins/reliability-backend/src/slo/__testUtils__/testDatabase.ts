import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';

/** Databases the SLO stores are tested on. */
export const sloTestDatabases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

/** A migrated database of the given kind. */
export async function migratedDatabase(id: TestDatabaseId): Promise<Knex> {
  const knex = await sloTestDatabases.init(id);
  await migrateDatabase(knex);
  return knex;
}
