// @ts-check

/**
 * Error-budget policy area: the current policy state of every SLO and service (with since when), the history of
 * state changes, the deploy gate's recent answers and its break-glass overrides.
 *
 * The service as a whole is stored with `slo_name` '' (empty string) beside its SLOs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('policy_states', table => {
    table.comment(
      'Current error-budget policy state of each SLO and service (slo_name empty), since when',
    );
    table.string('entity_ref', 512).notNullable();
    table.string('slo_name', 255).notNullable();
    table.string('policy_name', 64).notNullable();
    table.string('state', 64).notNullable();
    table.string('decision', 8).notNullable();
    table.integer('rule_index').nullable();
    table.text('consequence').nullable();
    table.double('budget_remaining').nullable();
    table.string('alert_state', 16).notNullable();
    table.timestamp('since', { useTz: true }).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'slo_name']);
  });

  await knex.schema.createTable('policy_state_changes', table => {
    table.comment(
      'Every change of the policy state (or policy) of an SLO or service (slo_name empty)',
    );
    table.bigIncrements('id');
    table.string('entity_ref', 512).notNullable();
    table.string('slo_name', 255).notNullable();
    table.string('policy_name', 64).notNullable();
    table
      .string('from_state', 64)
      .nullable()
      .comment('null when first evaluated');
    table.string('to_state', 64).notNullable();
    table.string('decision', 8).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'changed_at'],
      'policy_state_changes_entity_idx',
    );
    table.index(['changed_at'], 'policy_state_changes_changed_idx');
  });

  await knex.schema.createTable('deploy_gate_answers', table => {
    table.comment(
      'Recent answers of the deploy gate (bounded per entity, and by age)',
    );
    table.bigIncrements('id');
    table.string('entity_ref', 512).notNullable();
    table.string('decision', 8).notNullable();
    table.string('policy_decision', 8).notNullable();
    table.boolean('overridden').notNullable();
    table.string('state', 64).notNullable();
    table.string('asked_by', 512).notNullable();
    table.string('context', 500).nullable();
    table.timestamp('asked_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'asked_at'], 'deploy_gate_answers_entity_idx');
    table.index(['asked_at'], 'deploy_gate_answers_asked_idx');
  });

  await knex.schema.createTable('deploy_gate_overrides', table => {
    table.comment(
      'Break-glass overrides of the deploy gate: who, why, until when',
    );
    table.string('id', 36).primary();
    table.string('entity_ref', 512).notNullable();
    table.text('reason').notNullable();
    table.string('created_by', 512).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'expires_at'],
      'deploy_gate_overrides_entity_idx',
    );
    table.index(['expires_at'], 'deploy_gate_overrides_expires_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deploy_gate_overrides');
  await knex.schema.dropTable('deploy_gate_answers');
  await knex.schema.dropTable('policy_state_changes');
  await knex.schema.dropTable('policy_states');
};
