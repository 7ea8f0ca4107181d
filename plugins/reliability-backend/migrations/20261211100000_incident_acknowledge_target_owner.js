// @ts-check

/**
 * Incidents: where each summary's acknowledge target comes from. A team sets its own with the
 * `reliability.sre-portal.dev/acknowledge-target` annotation on its Group (`acknowledge_target_set_by` names the
 * Group); an invalid value falls back to the configured default and `acknowledge_target_problem` says why, for the
 * checklist item's evidence. Null on rows written before this migration, until the next incidents refresh.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('incident_summaries', table => {
    table.string('acknowledge_target_set_by', 255).nullable();
    table.text('acknowledge_target_problem').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('incident_summaries', table => {
    table.dropColumn('acknowledge_target_set_by');
    table.dropColumn('acknowledge_target_problem');
  });
};
