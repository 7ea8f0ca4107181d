// @ts-check

/**
 * Checklist: the ids of the items that pass (including exempt and accepted not-applicable ones) in each entity's
 * latest evaluation, as JSON text, so campaigns can tell each service what is left without re-scoring it.
 * Null on rows written before this migration, until the next checklist refresh rewrites them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('checklist_latest', table => {
    table.text('passing_items').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('checklist_latest', table => {
    table.dropColumn('passing_items');
  });
};
