// @ts-check

/**
 * On-call: the latest snapshot per entity (for summaries and as last-known data when a provider fails)
 * and the history of shifts (for the team's on-call load over the last 90 days).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('oncall_latest', table => {
    table.comment(
      'Latest on-call snapshot of every entity with on-call configured',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.string('provider', 100).notNullable();
    table.text('snapshot').nullable().comment('Last good snapshot (JSON)');
    table.timestamp('snapshot_at', { useTz: true }).nullable();
    table
      .text('error')
      .nullable()
      .comment('Error of the last attempt, if it failed');
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('oncall_shifts', table => {
    table.comment('Observed on-call shifts, kept for 90 days');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('person_key', 255).notNullable();
    table.text('person').notNullable().comment('The person (JSON)');
    table.integer('level').notNullable();
    table.timestamp('start_at', { useTz: true }).notNullable();
    table.timestamp('end_at', { useTz: true }).notNullable();
    table.string('time_zone', 64).nullable();
    table.unique(['entity_ref', 'person_key', 'level', 'start_at'], {
      indexName: 'oncall_shifts_identity_idx',
    });
    table.index(['entity_ref', 'end_at'], 'oncall_shifts_entity_end_idx');
    table.index(['end_at'], 'oncall_shifts_end_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('oncall_shifts');
  await knex.schema.dropTable('oncall_latest');
};
