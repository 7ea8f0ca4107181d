// @ts-check

/**
 * Incidents area: the incidents of each entity (from the incident providers and the embedded source), which
 * provider reads succeeded when, the open action items of its postmortems and a per-entity summary, so summaries
 * are one query. Incidents are deleted `reliability.incidents.retention.days` after their start, and every row
 * of an entity once it has left the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('incidents', table => {
    table.comment(
      'Incidents of each entity, one row per source and external id (written by providers and the embedded source)',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table
      .string('source', 64)
      .notNullable()
      .comment('incident provider id (pagerduty, opsgenie, ...) or embedded');
    table
      .string('external_id', 255)
      .notNullable()
      .comment('the id the source gives the incident');
    table.text('title').notNullable();
    table.string('severity', 8).notNullable().comment('sev1 (worst) .. sev5');
    table
      .string('status', 16)
      .notNullable()
      .comment('triggered, acknowledged or resolved');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('acknowledged_at', { useTz: true }).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.text('url').nullable().comment('http(s) link to the incident');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'source', 'external_id'], {
      indexName: 'incidents_source_id_idx',
    });
    table.index(['entity_ref', 'started_at'], 'incidents_entity_started_idx');
    table.index(['started_at'], 'incidents_started_idx');
  });

  await knex.schema.createTable('incident_syncs', table => {
    table.comment('Last read of each incident provider for each entity');
    table.string('entity_ref', 512).notNullable();
    table.string('source', 64).notNullable();
    table
      .timestamp('synced_at', { useTz: true })
      .nullable()
      .comment('last successful read');
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table.text('error').nullable().comment('why the last read failed');
    table.primary(['entity_ref', 'source']);
  });

  await knex.schema.createTable('incident_action_items', table => {
    table.comment(
      'Action items of the postmortems of each entity, as last read from their front matter',
    );
    table.string('entity_ref', 512).notNullable();
    table.string('postmortem_id', 100).notNullable();
    table.integer('position').notNullable();
    table.string('postmortem_title', 255).notNullable();
    table.text('title').notNullable();
    table.string('owner', 255).nullable();
    table.string('due', 10).nullable().comment('YYYY-MM-DD');
    table.string('status', 16).notNullable();
    table.text('issue').nullable();
    table.boolean('overdue').notNullable();
    table.primary(['entity_ref', 'postmortem_id', 'position']);
  });

  await knex.schema.createTable('incident_summaries', table => {
    table.comment('Per-entity incident summary from the newest refresh');
    table.string('entity_ref', 512).primary();
    table.integer('incident_count').notNullable();
    table.integer('open_count').notNullable();
    table.integer('postmortems_due').notNullable();
    table.integer('postmortems_overdue').notNullable();
    table.integer('open_action_items').notNullable();
    table.integer('overdue_action_items').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('incident_summaries');
  await knex.schema.dropTable('incident_action_items');
  await knex.schema.dropTable('incident_syncs');
  await knex.schema.dropTable('incidents');
};
