// @ts-check

/**
 * Incidents: how fast each entity's incidents were acknowledged over the summary window (how many were, their mean
 * time to acknowledge) and the target it is judged against, for the checklist item "time to acknowledge within the
 * target". Zero and null on rows written before this migration, until the next incidents refresh rewrites them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('incident_summaries', table => {
    table.integer('acknowledged_count').notNullable().defaultTo(0);
    table.double('mtta_seconds').nullable();
    table.integer('acknowledge_target_seconds').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('incident_summaries', table => {
    table.dropColumn('acknowledged_count');
    table.dropColumn('mtta_seconds');
    table.dropColumn('acknowledge_target_seconds');
  });
};
