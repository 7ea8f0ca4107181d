// @ts-check

/**
 * Background work: a local task's copy is recorded per backend **process**, not per host name. Two processes on one
 * host (two backends on one VM, containers sharing the host's network and name) shared one row before, each
 * overwriting the other's runs.
 *
 * `replica` (part of the key) becomes the process's own id, `<host>:<pid>:<random>`, new at each start; the new
 * columns `replica_host` and `replica_pid` say which process it is (the card shows the host name, and the pid where
 * two live processes share a host). A restarted process writes a new row; its old row is no longer seen and drops
 * out after 5 minutes like a stopped replica's, deleted a day later.
 *
 * Existing local rows are kept (their `replica` is the host name, now their `replica_host`, pid unknown): a replica
 * still running the previous version keeps stamping them, and once it is replaced they drop out like any stopped
 * replica's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('background_task_runs', table => {
    table.string('replica_host', 256).nullable();
    table.integer('replica_pid').nullable();
  });
  await knex('background_task_runs')
    .whereNot('replica', '')
    .update({ replica_host: knex.ref('replica') });
};

/**
 * Back to host names as keys: the per-process rows are deleted (their keys are not host names; each replica's next
 * registration writes its row again).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('background_task_runs').whereNotNull('replica_pid').delete();
  await knex.schema.alterTable('background_task_runs', table => {
    table.dropColumn('replica_host');
    table.dropColumn('replica_pid');
  });
};
