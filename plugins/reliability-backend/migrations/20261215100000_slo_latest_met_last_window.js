// @ts-check

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  const client = String(knex.client.config.client ?? '');
  return client === 'pg' || client.startsWith('postgres');
}

/**
 * `slo_latest.met_last_window`: whether the SLO met every objective over its last window (`status.lastWindow.met`),
 * null when not known. SLO summaries (every overview page, the checklist's refresh, the roll-ups) read it instead
 * of parsing each SLO's whole stored status. Filled from the stored statuses; a status that is not valid JSON
 * leaves it null, as its summary read it before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('slo_latest', table => {
    table
      .boolean('met_last_window')
      .nullable()
      .comment('status.lastWindow.met; null when not known');
  });
  if (isPostgres(knex)) {
    // PostgreSQL 15 has no test of valid JSON: a cast that fails is caught per row.
    await knex.transaction(async tx => {
      await tx.raw(`
        CREATE FUNCTION pg_temp.reliability_met_last_window(status text) RETURNS boolean AS $$
        BEGIN
          RETURN (status::jsonb #>> '{lastWindow,met}')::boolean;
        EXCEPTION WHEN others THEN
          RETURN NULL;
        END
        $$ LANGUAGE plpgsql IMMUTABLE`);
      await tx.raw(
        'UPDATE slo_latest SET met_last_window = pg_temp.reliability_met_last_window(status)',
      );
      await tx.raw('DROP FUNCTION pg_temp.reliability_met_last_window(text)');
    });
  } else {
    await knex.raw(`
      UPDATE slo_latest SET met_last_window =
        CASE json_extract(status, '$.lastWindow.met') WHEN 1 THEN 1 WHEN 0 THEN 0 END
      WHERE json_valid(status)`);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_latest', table => {
    table.dropColumn('met_last_window');
  });
};
