// @ts-check

/**
 * Background work: Run now for a local task (run by every replica on its own). Backstage's scheduler would trigger
 * such a task only in the process that received the request, so the request is recorded instead and every replica
 * picks it up with its heartbeat (every minute), running its copy once when the request is newer than its own last
 * start (or its start-up).
 *
 * `background_task_requests`: one row per local task, the latest request (when, who, why), replaced by the next.
 * Retention: a request older than a day is deleted at a replica's start-up (every live replica has run it by then),
 * with the other background-work records.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('background_task_requests', table => {
    table.comment(
      'Latest Run now request of each local reliability background task',
    );
    table.string('task_id', 256).notNullable().primary();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('requested_by', 256).notNullable();
    table.string('reason', 500).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('background_task_requests');
};
