// @ts-check

/**
 * Alerts area: the alert inventory of every alert source (Prometheus rules, Datadog monitors, the embedded source)
 * mapped to catalog entities, when each alert fired, the last read of each source, and a per-entity summary
 * (coverage, noise, gaps) so team and organisation views are one query. Firings are deleted
 * `reliability.alerts.retention.days` after their start, and every row of an entity once it has left the catalog.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('alert_inventory', table => {
    table.comment(
      'Alerts and monitors of each source, one row per alert and entity it maps to (entity_ref empty: no entity owns it)',
    );
    table.bigIncrements('id').primary();
    table
      .string('source', 64)
      .notNullable()
      .comment('alert source id (prometheus, datadog, ...) or embedded');
    table
      .string('alert_id', 255)
      .notNullable()
      .comment('the id the source gives the alert');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('the entity the alert maps to; empty when none');
    table.string('name', 255).notNullable();
    table.string('state', 16).notNullable().comment('ok, firing or no-data');
    table.string('severity', 64).nullable();
    table.boolean('pages').notNullable();
    table
      .text('runbook_url')
      .nullable()
      .comment('http(s) runbook the alert names');
    table.text('description').nullable();
    table
      .text('url')
      .nullable()
      .comment('http(s) link to the alert in its source');
    table.text('labels').notNullable().comment('JSON object of labels or tags');
    table.text('query').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'alert_id', 'entity_ref'], {
      indexName: 'alert_inventory_source_id_idx',
    });
    table.index(['entity_ref'], 'alert_inventory_entity_idx');
  });

  await knex.schema.createTable('alert_firings', table => {
    table.comment(
      'Each time an alert fired; entity_ref is the entity for embedded alerts, empty for the alerts of a source',
    );
    table.bigIncrements('id').primary();
    table.string('source', 64).notNullable();
    table.string('alert_id', 255).notNullable();
    table.string('entity_ref', 512).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.unique(['source', 'alert_id', 'entity_ref', 'started_at'], {
      indexName: 'alert_firings_key_idx',
    });
    table.index(['started_at'], 'alert_firings_started_idx');
  });

  await knex.schema.createTable('alert_syncs', table => {
    table.comment('Last read of each alert source');
    table.string('source', 64).primary();
    table
      .timestamp('synced_at', { useTz: true })
      .nullable()
      .comment('last successful read');
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table.text('error').nullable().comment('why the last read failed');
  });

  await knex.schema.createTable('alert_summaries', table => {
    table.comment(
      'Per-entity alert coverage, noise and gap from the newest refresh',
    );
    table.string('entity_ref', 512).primary();
    table.string('owner_ref', 512).nullable();
    table.integer('alert_count').notNullable();
    table.integer('paging_count').notNullable();
    table.integer('paging_with_runbook').notNullable();
    table.integer('firing_count').notNullable();
    table.integer('noisy_count').notNullable();
    table.integer('fired_count').notNullable();
    table.integer('slo_based_paging').notNullable();
    table.boolean('stale').notNullable();
    table.text('gap').nullable().comment('JSON of the entity gap, if any');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['owner_ref'], 'alert_summaries_owner_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('alert_summaries');
  await knex.schema.dropTable('alert_syncs');
  await knex.schema.dropTable('alert_firings');
  await knex.schema.dropTable('alert_inventory');
};
