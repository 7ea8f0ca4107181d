// @ts-check

/**
 * Overview area: the services index the org overview's pages are answered from (`GET /overview`,
 * `GET /overview.csv`) for callers who may read every catalog entity, so a page is one indexed query of this table
 * instead of the catalog's count and sort of every matching entity.
 *
 * `overview_services`: one row per catalog Component as the overview's refresh pass last read it (the display
 * fields of a row, the normalised owner, system and domain refs, the tier, and `name_key` / `tier_key` /
 * `search_text` lower-cased for sorting, filtering and the free-text filter). The pass writes only rows that
 * changed and, after a complete catalog listing, deletes the rows of services no longer in it (the table's
 * retention). Indexes: the default sort (`name_key`, `entity_ref`) and each filter column.
 *
 * `overview_services_pass`: one row (`pass` = `last`), when the last complete pass finished and how many services
 * it listed, replaced by each pass. Pages are answered from the index only while that pass is recent; before the
 * first pass (also right after this migration) they come from the catalog as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('overview_services', table => {
    table.comment(
      'Services index of the org overview, kept by its refresh pass',
    );
    table.string('entity_ref', 512).notNullable().primary();
    table.string('namespace', 256).notNullable();
    table.string('name', 256).notNullable();
    table.string('name_key', 256).notNullable();
    table.text('title').nullable();
    table.string('type', 256).nullable();
    table.string('lifecycle', 256).nullable();
    table.string('owner_ref', 512).nullable();
    table.string('system_ref', 512).nullable();
    table.string('domain_ref', 512).nullable();
    table.string('tier', 256).nullable();
    table.string('tier_key', 256).nullable();
    table.text('search_text').notNullable();
    table.index(['name_key', 'entity_ref'], 'overview_services_name_idx');
    table.index(['owner_ref'], 'overview_services_owner_idx');
    table.index(['system_ref'], 'overview_services_system_idx');
    table.index(['domain_ref'], 'overview_services_domain_idx');
    table.index(['tier_key'], 'overview_services_tier_idx');
  });
  await knex.schema.createTable('overview_services_pass', table => {
    table.comment(
      'Last complete pass of the overview services index (listed_at: when its walk started)',
    );
    table.string('pass', 16).notNullable().primary();
    table.timestamp('listed_at', { useTz: true }).notNullable();
    table.integer('service_count').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('overview_services_pass');
  await knex.schema.dropTable('overview_services');
};
