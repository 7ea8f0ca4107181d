// @ts-check

/**
 * Embedded SLI store on PostgreSQL: the interval's key is the primary key. The table kept the `id` bigserial
 * primary key of its first migration, which no query reads: an 8-byte column per interval and an index of its own
 * (about 3 GB at 100,000 services with 30 days of hourly intervals). The unique covering index
 * `slo_sli_events_unique_read_idx` (entity_ref, sli_name, interval_start) INCLUDE (good, total) becomes the primary
 * key in place (no scan, no rebuild: its columns are already NOT NULL) and `id` is dropped (a catalog change; the
 * space of the column is reused as rows are rewritten). The upsert's arbiter is the same index. SQLite's `id` is
 * its rowid (no index of its own), so SQLite is unchanged.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) return;
  await knex.transaction(async tx => {
    await tx.raw(
      'ALTER TABLE slo_sli_events DROP CONSTRAINT IF EXISTS slo_sli_events_pkey',
    );
    await tx.raw('ALTER TABLE slo_sli_events DROP COLUMN IF EXISTS id');
    await tx.raw(
      'ALTER TABLE slo_sli_events ADD CONSTRAINT slo_sli_events_unique_read_idx PRIMARY KEY USING INDEX slo_sli_events_unique_read_idx',
    );
  });
};

/**
 * Back to an `id` primary key (numbering the stored intervals: the table is rewritten) beside the unique covering
 * index.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw(
    'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS slo_sli_events_unique_read_idx_copy ON slo_sli_events (entity_ref, sli_name, interval_start) INCLUDE (good, total)',
  );
  await knex.transaction(async tx => {
    await tx.raw(
      'ALTER TABLE slo_sli_events DROP CONSTRAINT slo_sli_events_unique_read_idx',
    );
    await tx.raw(
      'ALTER INDEX slo_sli_events_unique_read_idx_copy RENAME TO slo_sli_events_unique_read_idx',
    );
    await tx.raw(
      'ALTER TABLE slo_sli_events ADD COLUMN id bigserial PRIMARY KEY',
    );
  });
};

// The down migration builds its index concurrently (outside a transaction).
exports.config = { transaction: false };

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  const client = String(knex.client.config.client ?? '');
  return client === 'pg' || client.startsWith('postgres');
}
