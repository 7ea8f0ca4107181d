// @ts-check

/**
 * Learning area: each signed-in user's progress through their teams' learning paths (one row per item ticked
 * off). Keyed by the user, the Group declaring the path and the item id of the path file; rows of items no longer
 * in any path, and of users gone from the catalog, are deleted by the area's retention.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('learning_progress', table => {
    table.comment('Learning path items each user has ticked off');
    table
      .string('user_ref', 512)
      .notNullable()
      .comment('entityRefKey of the user');
    table
      .string('group_ref', 512)
      .notNullable()
      .comment('entityRefKey of the Group whose path holds the item');
    table
      .string('item_id', 128)
      .notNullable()
      .comment('Item id in the path file');
    table.timestamp('done_at', { useTz: true }).notNullable();
    table.primary(['user_ref', 'group_ref', 'item_id']);
    table.index(['group_ref', 'item_id'], 'learning_progress_group_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('learning_progress');
};
