// @ts-check

/**
 * The error-budget policy's hysteresis (a rule's `keepFor`): `policy_states.condition_held_at` is when the
 * condition of the state's rule last held (null for `ok` and `no-data`), `kept_until` is set while the state is
 * only kept by its rule's `keepFor` (its condition no longer holds). Existing rule states were current at their
 * last evaluation: their condition held then.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('policy_states', table => {
    table
      .timestamp('condition_held_at', { useTz: true })
      .nullable()
      .comment("when the state's rule's condition last held");
    table
      .timestamp('kept_until', { useTz: true })
      .nullable()
      .comment("set while the state is only kept by its rule's keepFor");
  });
  await knex('policy_states')
    .whereNotNull('rule_index')
    .update({ condition_held_at: knex.ref('evaluated_at') });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('policy_states', table => {
    table.dropColumn('condition_held_at');
    table.dropColumn('kept_until');
  });
};
