import { createHash } from 'node:crypto';
import { Knex } from 'knex';

/** Row count and content hash of every table. */
export type DatabaseSnapshot = Record<string, { rows: number; hash: string }>;

function isSqlite(knex: Knex): boolean {
  return String(knex.client.config.client).includes('sqlite');
}

/** The tables of the database (the plugin's and the scheduler's), without knex's migration bookkeeping tables. */
export async function listTables(knex: Knex): Promise<string[]> {
  const names: string[] = isSqlite(knex)
    ? (
        await knex('sqlite_master')
          .select('name')
          .where('type', 'table')
          .andWhere('name', 'not like', 'sqlite_%')
      ).map((r: { name: string }) => r.name)
    : (
        await knex('information_schema.tables')
          .select('table_name')
          .where('table_schema', knex.raw('current_schema()'))
          .andWhere('table_type', 'BASE TABLE')
      ).map((r: { table_name: string }) => r.table_name);
  return names.filter(name => !name.includes('knex_migrations')).sort();
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map(key => [key, normalise(row[key])]),
  );
}

/** Row counts and an order-independent hash of the rows of every table. */
export async function snapshotDatabase(knex: Knex): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = {};
  for (const table of await listTables(knex)) {
    const rows: Record<string, unknown>[] = await knex(table).select();
    const hash = createHash('sha256');
    for (const text of rows.map(rowText).sort()) {
      hash.update(text).update('\n');
    }
    snapshot[table] = { rows: rows.length, hash: hash.digest('hex') };
  }
  return snapshot;
}
