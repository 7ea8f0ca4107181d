// @ts-check

/**
 * Overview area: the stored team and system roll-ups of the org page (`GET /overview/summaries`).
 *
 * `overview_group_rollups`: one row per group of one refresh pass (`group_by` `team` or `system`; `group_ref` the
 * normalised owner or system ref, `''` for the services without one). A pass replaces every row in one
 * transaction, so groups that are gone are deleted (the table's retention) and readers see one whole pass.
 * `computed_at` is when the pass ran (the same on every row of a pass).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('overview_group_rollups', table => {
    table.comment('Team and system roll-ups of the org overview, one pass');
    table.string('group_by', 16).notNullable();
    table.string('group_ref', 512).notNullable();
    table.integer('service_count').notNullable();
    table.double('with_slos').nullable();
    table.double('meeting_slos').nullable();
    table.double('on_call_coverage').nullable();
    table.double('average_maturity').nullable();
    table.integer('breaching_count').notNullable();
    table.double('worst_budget_remaining').nullable();
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.primary(['group_by', 'group_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('overview_group_rollups');
};
