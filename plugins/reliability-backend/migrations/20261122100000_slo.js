// @ts-check

/**
 * SLO area: embedded SLI event counts, collected SLO snapshots, the newest state per SLO
 * and per-entity definition facts used by summaries.
 *
 * Timestamps are stored as `timestamp with time zone` (SQLite keeps them as epoch milliseconds);
 * event counts as big integers (high-traffic services exceed 2^31 events a day).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_sli_events', table => {
    table.comment(
      'Good/total event counts pushed to the embedded SLI provider',
    );
    table.bigIncrements('id');
    table.string('entity_ref', 512).notNullable();
    table.string('sli_name', 255).notNullable();
    table.timestamp('interval_start', { useTz: true }).notNullable();
    table.timestamp('interval_end', { useTz: true }).notNullable();
    table.bigInteger('good').notNullable();
    table.bigInteger('total').notNullable();
    table.unique(['entity_ref', 'sli_name', 'interval_start'], {
      indexName: 'slo_sli_events_interval_uniq',
    });
  });

  await knex.schema.createTable('slo_snapshots', table => {
    table.comment('One row per collection of one SLO (history)');
    table.bigIncrements('id');
    table.string('entity_ref', 512).notNullable();
    table.string('slo_name', 255).notNullable();
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('window_end', { useTz: true }).notNullable();
    table.bigInteger('good').nullable();
    table.bigInteger('total').nullable();
    table.double('attainment').nullable();
    table.double('budget_remaining').nullable();
    table.text('burn_rates').notNullable();
    table.string('alert_state', 16).notNullable();
    table.boolean('stale').notNullable();
    table.text('error').nullable();
    table.index(
      ['entity_ref', 'slo_name', 'collected_at'],
      'slo_snapshots_series_idx',
    );
    table.index(['collected_at'], 'slo_snapshots_collected_idx');
  });

  await knex.schema.createTable('slo_latest', table => {
    table.comment(
      'Newest state of each SLO (upserted by collection); source of summaries',
    );
    table.string('entity_ref', 512).notNullable();
    table.string('slo_name', 255).notNullable();
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table.double('attainment').nullable();
    table.double('budget_remaining').nullable();
    table.double('target').notNullable();
    table.string('alert_state', 16).notNullable();
    table.boolean('stale').notNullable();
    table.text('error').nullable();
    table.integer('alert_count').notNullable();
    table.integer('alerts_with_runbook').notNullable();
    table.boolean('has_burn_rate_alerts').notNullable();
    table.text('status').notNullable().comment('SloStatus as JSON');
    table.primary(['entity_ref', 'slo_name']);
  });

  await knex.schema.createTable('slo_entities', table => {
    table.comment('Per-entity SLO definition facts from the newest load');
    table.string('entity_ref', 512).primary();
    table.integer('slo_count').notNullable();
    table.integer('definition_errors').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_entities');
  await knex.schema.dropTable('slo_latest');
  await knex.schema.dropTable('slo_snapshots');
  await knex.schema.dropTable('slo_sli_events');
};
