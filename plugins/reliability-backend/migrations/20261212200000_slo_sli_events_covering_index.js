// @ts-check

/**
 * Embedded SLI store: an index that covers the reads of SLO collection (the counts of many SLIs over their windows,
 * `readSegments`), so they are answered from the index alone instead of visiting one table page per stored interval
 * (intervals of one SLI are spread over the table, since every SLI writes a few at a time). PostgreSQL builds it
 * CONCURRENTLY (ingest keeps writing meanwhile), hence no transaction for this migration.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isPostgres(knex)) {
    await knex.raw(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS slo_sli_events_read_idx ON slo_sli_events (entity_ref, sli_name, interval_start) INCLUDE (good, total)',
    );
  } else {
    await knex.raw(
      'CREATE INDEX IF NOT EXISTS slo_sli_events_read_idx ON slo_sli_events (entity_ref, sli_name, interval_start, good, total)',
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX IF EXISTS slo_sli_events_read_idx');
};

exports.config = { transaction: false };

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  const client = String(knex.client.config.client ?? '');
  return client === 'pg' || client.startsWith('postgres');
}
