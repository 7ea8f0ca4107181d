import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbIso } from '../../shared/dbValues';
import { LearningProgressRow, LearningStore } from './LearningStore';

const TABLE = 'learning_progress';
/** Refs per `whereIn` list. */
const CHUNK_SIZE = 500;

interface DbRow {
  user_ref: string;
  group_ref: string;
  item_id: string;
  done_at: Date | string | number;
}

function toRow(row: DbRow): LearningProgressRow {
  return {
    userRef: row.user_ref,
    groupRef: row.group_ref,
    itemId: row.item_id,
    doneAt: dbIso(row.done_at),
  };
}

/** {@link LearningStore} on the plugin's database (SQLite and PostgreSQL). */
export class KnexLearningStore implements LearningStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async listProgressOf(
    userRef: string,
    groupRefs: string[],
  ): Promise<LearningProgressRow[]> {
    const rows: DbRow[] = [];
    for (const refs of chunk(groupRefs, CHUNK_SIZE)) {
      rows.push(
        ...(await this.knex<DbRow>(TABLE)
          .where({ user_ref: userRef })
          .whereIn('group_ref', refs)
          .orderBy(['group_ref', 'item_id'])
          .select()),
      );
    }
    return rows.map(toRow);
  }

  async listGroupProgress(
    groupRef: string,
    userRefs: string[],
  ): Promise<LearningProgressRow[]> {
    const rows: DbRow[] = [];
    for (const refs of chunk(userRefs, CHUNK_SIZE)) {
      rows.push(
        ...(await this.knex<DbRow>(TABLE)
          .where({ group_ref: groupRef })
          .whereIn('user_ref', refs)
          .select()),
      );
    }
    return rows.map(toRow);
  }

  async markDone(
    row: Omit<LearningProgressRow, 'doneAt'>,
    at: Date,
  ): Promise<string> {
    const key = {
      user_ref: row.userRef,
      group_ref: row.groupRef,
      item_id: row.itemId,
    };
    await this.knex(TABLE)
      .insert({ ...key, done_at: at })
      .onConflict(['user_ref', 'group_ref', 'item_id'])
      .ignore();
    const stored = await this.knex<DbRow>(TABLE).where(key).first();
    return dbIso(stored?.done_at ?? at);
  }

  async markNotDone(
    row: Omit<LearningProgressRow, 'doneAt'>,
  ): Promise<boolean> {
    const deleted = await this.knex(TABLE)
      .where({
        user_ref: row.userRef,
        group_ref: row.groupRef,
        item_id: row.itemId,
      })
      .delete();
    return deleted > 0;
  }

  async listGroupRefs(): Promise<string[]> {
    const rows = await this.knex(TABLE)
      .distinct('group_ref')
      .orderBy('group_ref');
    return rows.map((r: { group_ref: string }) => r.group_ref);
  }

  async listUserRefs(): Promise<string[]> {
    const rows = await this.knex(TABLE)
      .distinct('user_ref')
      .orderBy('user_ref');
    return rows.map((r: { user_ref: string }) => r.user_ref);
  }

  async deleteItemsNotIn(
    groupRef: string,
    keepItemIds: string[],
    before: Date,
  ): Promise<number> {
    const query = this.knex(TABLE)
      .where({ group_ref: groupRef })
      .andWhere('done_at', '<', before);
    // A path holds at most 50 items: one list fits any bind-parameter limit.
    if (keepItemIds.length > 0) {
      query.whereNotIn('item_id', keepItemIds);
    }
    return query.delete();
  }

  async deleteUsers(userRefs: string[], before: Date): Promise<number> {
    let deleted = 0;
    for (const refs of chunk(userRefs, CHUNK_SIZE)) {
      deleted += await this.knex(TABLE)
        .whereIn('user_ref', refs)
        .andWhere('done_at', '<', before)
        .delete();
    }
    return deleted;
  }
}
