// @ts-check

/**
 * Trends area: daily snapshots of the maturity roll-ups and of SLO attainment, kept
 * `reliability.trends.retentionDays` (default 400).
 *
 * - `trend_maturity_snapshots`: per day and scope (`entity`, `team`, `system`, `domain`, `org`; `scope_ref` is the
 *   normalised entity ref, or `org`) the maturity score and level and how many services were counted.
 * - `trend_slo_snapshots`: per day, team (`team_ref`, or `org` for the whole organisation) and SLO window
 *   (`28d rolling`, `1M calendar`) how many SLOs there are, how many were measured and how many met their target.
 *
 * Days are calendar days (`YYYY-MM-DD`, UTC) stored as text. `demo` marks synthetic demo history
 * (`reliability.demo.seedTrends`); a measured snapshot of a day replaces every row of that day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('trend_maturity_snapshots', table => {
    table.comment(
      'Daily maturity score and level per entity, team, system, domain and org',
    );
    table.string('day', 10).notNullable();
    table.string('scope', 16).notNullable();
    table.string('scope_ref', 512).notNullable();
    table.float('score').nullable();
    table.string('level', 64).notNullable();
    table.integer('service_count').notNullable();
    table.integer('scored_count').notNullable();
    table.boolean('demo').notNullable().defaultTo(false);
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['scope', 'scope_ref', 'day']);
    table.index(['day'], 'trend_maturity_snapshots_day_idx');
  });

  await knex.schema.createTable('trend_slo_snapshots', table => {
    table.comment('Daily share of SLOs meeting target per team and SLO window');
    table.string('day', 10).notNullable();
    table.string('team_ref', 512).notNullable();
    table.string('slo_window', 64).notNullable();
    table.integer('slo_count').notNullable();
    table.integer('measured_count').notNullable();
    table.integer('met_count').notNullable();
    table.boolean('demo').notNullable().defaultTo(false);
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['team_ref', 'slo_window', 'day']);
    table.index(['day'], 'trend_slo_snapshots_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('trend_slo_snapshots');
  await knex.schema.dropTable('trend_maturity_snapshots');
};
