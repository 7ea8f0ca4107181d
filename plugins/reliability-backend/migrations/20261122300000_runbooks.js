// @ts-check

/**
 * Runbooks area: the runbooks found for each entity (one row per runbook, rebuilt by the indexing task)
 * and a per-entity summary (count, stale count, SLO alert coverage) so summaries are one query.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('runbooks_index', table => {
    table.comment(
      'Runbooks of each entity from its links and Markdown files, as last indexed',
    );
    table.string('entity_ref', 512).notNullable();
    table.string('runbook_id', 100).notNullable();
    table.string('title', 255).notNullable();
    table.string('kind', 16).notNullable();
    table
      .text('answers')
      .notNullable()
      .comment('JSON array of SLO and alert names');
    table.string('owner', 255).nullable();
    table.string('last_reviewed', 10).nullable().comment('YYYY-MM-DD');
    table.text('url').nullable();
    table.string('source', 16).notNullable();
    table.text('location').nullable();
    table.boolean('stale').notNullable();
    table.text('error').nullable();
    table.primary(['entity_ref', 'runbook_id']);
  });

  await knex.schema.createTable('runbooks_latest', table => {
    table.comment('Per-entity runbook summary from the newest indexing run');
    table.string('entity_ref', 512).primary();
    table.integer('runbook_count').notNullable();
    table.integer('stale_count').notNullable();
    table.integer('error_count').notNullable();
    table.integer('alert_count').notNullable();
    table.integer('alerts_with_runbook').notNullable();
    table
      .double('coverage')
      .nullable()
      .comment('alerts_with_runbook / alert_count; null without SLO alerts');
    table
      .text('error')
      .nullable()
      .comment(
        'Why coverage could not be computed (SLO definitions unreadable)',
      );
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('runbooks_latest');
  await knex.schema.dropTable('runbooks_index');
};
