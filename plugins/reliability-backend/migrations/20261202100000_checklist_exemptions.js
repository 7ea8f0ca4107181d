// @ts-check

/**
 * Checklist exemptions: an owner's request that one checklist item of one entity count neither as passed nor as
 * failed until an expiry, the admin's decision, and a revocation (which may end it early). Rows are kept as
 * history; closed ones (rejected, revoked, expired) are deleted after `reliability.checklist.exemptions.historyDays`,
 * and all of an entity's rows with the rest of its checklist data once it has left the catalog.
 *
 * `open_key` is `<entity_ref>|<item_id>` while the exemption is pending or approved, null once it is closed: its
 * unique index keeps one open exemption per entity and item even with several replicas writing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('checklist_exemptions', table => {
    table.comment(
      'Exemptions of one checklist item of one entity: request, decision, revocation',
    );
    table.string('id', 36).primary();
    table.string('entity_ref', 512).notNullable();
    table.string('item_id', 64).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, approved, rejected or revoked (expiry is derived)');
    table.string('open_key', 600).nullable().unique({
      indexName: 'checklist_exemptions_open_key_idx',
    });
    table.text('justification').notNullable();
    table.string('requested_by', 512).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.timestamp('requested_expires_at', { useTz: true }).notNullable();
    table
      .timestamp('expires_at', { useTz: true })
      .nullable()
      .comment('when an approved exemption ends (shortened by a revocation)');
    table.string('decided_by', 512).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.text('decision_comment').nullable();
    table.string('revoked_by', 512).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.text('revoke_reason').nullable();
    table.index(['entity_ref', 'item_id'], 'checklist_exemptions_entity_idx');
    table.index(['status', 'expires_at'], 'checklist_exemptions_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('checklist_exemptions');
};
