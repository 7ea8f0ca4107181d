/** One item a user ticked off. */
export interface LearningProgressRow {
  userRef: string;
  groupRef: string;
  itemId: string;
  /** ISO 8601. */
  doneAt: string;
}

/**
 * Persistence of each user's progress through their teams' learning paths: one row per item ticked off
 * (user, Group, item id, when). All refs are `entityRefKey`s.
 */
export interface LearningStore {
  /** The items `userRef` ticked off in the paths of `groupRefs`. */
  listProgressOf(
    userRef: string,
    groupRefs: string[],
  ): Promise<LearningProgressRow[]>;
  /** The rows of the given users in one Group's path (aggregated progress of a team that shares it). */
  listGroupProgress(
    groupRef: string,
    userRefs: string[],
  ): Promise<LearningProgressRow[]>;
  /** Ticks an item off; ticking it again keeps the first time. Returns when it was done. */
  markDone(row: Omit<LearningProgressRow, 'doneAt'>, at: Date): Promise<string>;
  /** Un-ticks an item; returns whether it was ticked. */
  markNotDone(row: Omit<LearningProgressRow, 'doneAt'>): Promise<boolean>;

  /** Groups and users with any progress (retention). */
  listGroupRefs(): Promise<string[]>;
  listUserRefs(): Promise<string[]>;
  /**
   * Retention: deletes the rows of `groupRef` done before `before` whose item is not in `keepItemIds` (every row of
   * the Group when it is empty). Returns how many it deleted.
   */
  deleteItemsNotIn(
    groupRef: string,
    keepItemIds: string[],
    before: Date,
  ): Promise<number>;
  /** Retention: deletes the rows of `userRefs` done before `before`. Returns how many it deleted. */
  deleteUsers(userRefs: string[], before: Date): Promise<number>;
}
