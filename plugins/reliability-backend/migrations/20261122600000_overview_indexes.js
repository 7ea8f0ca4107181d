// @ts-check

/**
 * Overview: indexes and bookkeeping so the overview's `level` filter pages over the checklist's latest
 * evaluations in one indexed query (no list of thousands of names sent to the catalog).
 *
 * - `checklist_latest_level_ref_idx` on (level, entity_ref): `WHERE level = ? AND entity_ref` in a kind's range,
 *   `ORDER BY entity_ref LIMIT/OFFSET` is an index range scan (it replaces the single-column level index).
 * - `unevaluated`: rows the checklist refresh writes (level `none`) for entities it saw in the catalog but could
 *   not evaluate (no answers, no automatic data), so `level=none` is an index lookup too. Such rows are not
 *   evaluations: summaries and roll-ups skip them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('checklist_latest', table => {
    table.boolean('unevaluated').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('checklist_latest', table => {
    table.index(['level', 'entity_ref'], 'checklist_latest_level_ref_idx');
    table.dropIndex(['level'], 'checklist_latest_level_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('checklist_latest', table => {
    table.index(['level'], 'checklist_latest_level_idx');
    table.dropIndex(['level', 'entity_ref'], 'checklist_latest_level_ref_idx');
  });
  await knex('checklist_latest').where('unevaluated', true).delete();
  await knex.schema.alterTable('checklist_latest', table => {
    table.dropColumn('unevaluated');
  });
};
