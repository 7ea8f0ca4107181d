// @ts-check

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  const client = String(knex.client.config.client ?? '');
  return client === 'pg' || client.startsWith('postgres');
}

/**
 * `slo_snapshots.good` holds what an SLO's good count is in its unit: events, good slices, or, under
 * RatioTimeslices budgeting, the sum of the slices' success ratios, which is not a whole number. The column
 * becomes a double (exact for whole counts up to 2^53). SQLite stores the value as given whatever the
 * declared type (INTEGER affinity keeps a non-integral REAL), so only PostgreSQL needs the change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isPostgres(knex)) {
    await knex.schema.alterTable('slo_snapshots', table => {
      table.double('good').nullable().alter();
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (isPostgres(knex)) {
    await knex.schema.alterTable('slo_snapshots', table => {
      table.bigInteger('good').nullable().alter();
    });
  }
};
