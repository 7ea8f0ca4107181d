// @ts-check

/**
 * Background work: a per-replica (local) task's runs are recorded per replica. Each replica runs its own copy of
 * such a task (the on-call schedule files' reload), and with one row per task id the replicas overwrote each
 * other's runs: a replica whose copy failed or stalled was hidden by another's success.
 *
 * `background_task_runs` is keyed by (`task_id`, `replica`): `replica` is '' for a global task (one row, as
 * before) and the host name of the replica for its copy of a local task. `seen_at` is the last sign of life of
 * that replica (its registration, a run's start or end, or its heartbeat every minute); a local copy whose
 * replica has not been seen for 5 minutes is a stopped replica and is ignored, and its row is deleted a day
 * later (at a replica's start-up, with the 30 days' retention of the other rows). Existing rows become global rows
 * ('' replica); a local task's old shared row is deleted when a replica registers its copy.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('background_task_runs', table => {
    table.string('replica', 256).notNullable().defaultTo('');
    table.timestamp('seen_at', { useTz: true }).nullable();
  });
  await knex.schema.alterTable('background_task_runs', table => {
    table.dropPrimary();
    table.primary(['task_id', 'replica']);
  });
};

/**
 * Back to one row per task: local copies' rows are deleted (a replica's next registration writes the task's one
 * row again).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('background_task_runs').whereNot('replica', '').delete();
  await knex.schema.alterTable('background_task_runs', table => {
    table.dropPrimary();
    table.primary(['task_id']);
  });
  await knex.schema.alterTable('background_task_runs', table => {
    table.dropColumn('replica');
    table.dropColumn('seen_at');
  });
};
