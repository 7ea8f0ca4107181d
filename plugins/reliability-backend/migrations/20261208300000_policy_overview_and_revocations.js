// @ts-check

/**
 * Policy area:
 * - an index for the overview's `policy` filter: the services (`slo_name` '') in a state, in entity-ref order;
 * - early revocation of deploy-gate overrides: when, by whom and why (null while not revoked).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('policy_states', table => {
    table.index(['slo_name', 'state', 'entity_ref'], 'policy_states_state_idx');
  });
  await knex.schema.alterTable('deploy_gate_overrides', table => {
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 512).nullable();
    table.text('revoke_reason').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deploy_gate_overrides', table => {
    table.dropColumn('revoke_reason');
    table.dropColumn('revoked_by');
    table.dropColumn('revoked_at');
  });
  await knex.schema.alterTable('policy_states', table => {
    table.dropIndex(
      ['slo_name', 'state', 'entity_ref'],
      'policy_states_state_idx',
    );
  });
};
