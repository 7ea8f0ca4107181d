// @ts-check

/**
 * Background work: the last run of each of the plugin's scheduled tasks, so `GET /background-work` can say whether
 * SLO collection, the refreshes and the snapshots run on time on some replica (the scheduler's own table only
 * knows tasks while a replica registers them, and says nothing of how runs ended).
 *
 * `background_task_runs`: one row per task id. A replica that schedules the task writes its cadence, timeout and
 * initial delay (`registered_at`); every run writes its start, then its end, outcome and error (the task's runner). Retention: a
 * row whose task has neither run nor been registered for 30 days is deleted at a replica's start-up (its first registration).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('background_task_runs', table => {
    table.comment('Last run of each reliability background task');
    table.string('task_id', 256).notNullable().primary();
    table.string('cadence', 256).notNullable();
    table.string('timeout', 64).nullable();
    table.string('initial_delay', 64).nullable();
    table.timestamp('registered_at', { useTz: true }).notNullable();
    table.timestamp('last_started_at', { useTz: true }).nullable();
    table.timestamp('last_ended_at', { useTz: true }).nullable();
    table.string('last_outcome', 16).nullable();
    table.text('last_error').nullable();
    table.string('last_runner', 256).nullable();
    table.timestamp('last_succeeded_at', { useTz: true }).nullable();
    table.integer('last_success_duration_ms').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('background_task_runs');
};
