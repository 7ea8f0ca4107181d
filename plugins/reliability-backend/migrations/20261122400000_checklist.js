// @ts-check

/**
 * Checklist area: every submitted maturity assessment (history, with a snapshot of the checklist it answered),
 * the newest evaluation per entity (source of summaries and roll-ups), wizard drafts per user and entity,
 * and entities that left the catalog (for retention).
 *
 * JSON documents are stored as text so SQLite and PostgreSQL behave the same.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('checklist_assessments', table => {
    table.comment('Every submitted maturity assessment (kept as history)');
    table.string('id', 36).primary();
    table.string('entity_ref', 512).notNullable();
    table.string('checklist_version', 128).notNullable();
    table.text('checklist_snapshot').notNullable();
    table.text('answers').notNullable();
    table.double('score').nullable();
    table.string('level', 64).notNullable();
    table.string('author', 512).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'created_at'],
      'checklist_assessments_entity_idx',
    );
  });

  await knex.schema.createTable('checklist_latest', table => {
    table.comment(
      'Newest evaluation per entity (latest answers + automatic checks); one query serves summaries and roll-ups',
    );
    table.string('entity_ref', 512).primary();
    table.string('assessment_id', 36).nullable();
    table.string('checklist_version', 128).nullable();
    table.timestamp('assessed_at', { useTz: true }).nullable();
    table.double('score').nullable();
    table.string('level', 64).notNullable();
    table.text('category_scores').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['level'], 'checklist_latest_level_idx');
  });

  await knex.schema.createTable('checklist_drafts', table => {
    table.comment('Unsubmitted assessment wizard state, per user and entity');
    table.string('entity_ref', 512).notNullable();
    table.string('user_ref', 512).notNullable();
    table.string('checklist_version', 128).notNullable();
    table.text('answers').notNullable();
    table.integer('step').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'user_ref']);
  });

  await knex.schema.createTable('checklist_missing_entities', table => {
    table.comment(
      'Entities with checklist data that are no longer in the catalog, and since when',
    );
    table.string('entity_ref', 512).primary();
    table.timestamp('missing_since', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('checklist_missing_entities');
  await knex.schema.dropTable('checklist_drafts');
  await knex.schema.dropTable('checklist_latest');
  await knex.schema.dropTable('checklist_assessments');
};
