// @ts-check

/**
 * Notifications area: the log of sent notifications, keyed by kind, subject (an entity ref, or a campaign and
 * team) and episode (an exemption id, an alert episode, a due date). Claiming the key before sending makes each
 * notification go out once, also with several replicas. Kept `reliability.notifications.retentionDays`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notifications_sent', table => {
    table.comment('Notifications sent (or being sent), so each goes out once');
    table.string('kind', 64).notNullable();
    table.string('subject', 600).notNullable();
    table.string('episode', 200).notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['kind', 'subject', 'episode']);
    table.index(['sent_at'], 'notifications_sent_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notifications_sent');
};
