// @ts-check

/**
 * Campaigns area: campaigns created through the API (campaigns kept as code live in their YAML files) and the daily
 * snapshots of every active campaign (the burn-up chart), kept `reliability.campaigns.retentionDays`.
 *
 * Dates of campaigns and snapshots are calendar days (`YYYY-MM-DD`, UTC) stored as text; target and scope are JSON
 * text so SQLite and PostgreSQL behave the same.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Reliability campaigns created through the API');
    table.string('id', 64).primary();
    table.string('name', 200).notNullable();
    table.text('why').notNullable();
    table.text('target').notNullable();
    table.text('scope').notNullable();
    table.string('start_date', 10).notNullable();
    table.string('due_date', 10).notNullable();
    table.string('status', 16).notNullable();
    table.string('created_by', 512).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 512).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('campaign_snapshots', table => {
    table.comment(
      'Daily measurement of each active campaign (services in scope, done, per team)',
    );
    table.string('campaign_id', 64).notNullable();
    table.string('day', 10).notNullable();
    table.integer('services').notNullable();
    table.integer('done').notNullable();
    table.text('teams').notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'day']);
    table.index(['day'], 'campaign_snapshots_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_snapshots');
  await knex.schema.dropTable('campaigns');
};
