// @ts-check

/**
 * `checklist_assessments.blocking_next_level`: the items that kept an assessment from the next level when it was
 * submitted, judged with that moment's automatic results and exemptions (JSON `[{ "itemId", "status" }]`, `[]` at
 * the top level). An assessment stores its answers but nothing else of its day, so without it the SLO review report
 * could only guess which automatic check held a level back. Null for assessments recorded before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('checklist_assessments', table => {
    table
      .text('blocking_next_level')
      .nullable()
      .comment('items that kept it from the next level at submission (JSON)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('checklist_assessments', table => {
    table.dropColumn('blocking_next_level');
  });
};
