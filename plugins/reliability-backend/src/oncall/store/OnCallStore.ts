import {
  OnCallPerson,
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';

/** The stored latest state of one entity. */
export interface LatestOnCall {
  entityRef: string;
  provider: string;
  /** Last good snapshot, kept when later attempts fail. */
  snapshot: OnCallSnapshot | null;
  snapshotAt: Date | null;
  error: string | null;
  updatedAt: Date;
}

/** A recorded shift. */
export interface StoredShift {
  entityRef: string;
  person: OnCallPerson;
  personKey: string;
  level: number;
  start: Date;
  end: Date;
  timeZone: string | null;
}

/**
 * What one provider call of the refresher stores for an entity: the snapshot the provider answered at `at`
 * (its shifts in progress included), or the provider's failure.
 */
export type OnCallRefresh =
  | { entityRef: string; at: Date; snapshot: OnCallSnapshot }
  | { entityRef: string; at: Date; provider: string; error: string };

/** Shifts of one entity to add to its history. */
export interface ShiftHistory {
  entityRef: string;
  shifts: OnCallShift[];
}

/** Persistence of on-call state: latest snapshot per entity and shift history. */
export interface OnCallStore {
  getLatest(entityRefs: string[]): Promise<Map<string, LatestOnCall>>;
  /** Refs with a latest row that are not in `keep` (read in pages, see `refsNotIn`), in ref order. */
  listLatestEntityRefsNotIn(keep: ReadonlySet<string>): Promise<string[]>;
  deleteLatest(entityRefs: string[]): Promise<void>;
  /**
   * Stores a page of refreshes in one transaction, in a number of statements that depends on the number of
   * rows only through chunking. A snapshot becomes the entity's latest state, and its shifts in progress are
   * recorded: those started by its `at` are inserted or their end updated, and the entity's open shifts it
   * no longer reports end at `at` (someone else took over early). A failure is recorded keeping the entity's
   * last good snapshot.
   */
  saveRefreshes(refreshes: OnCallRefresh[]): Promise<void>;
  /** Records shifts of several entities that have started by `now`, closing nothing (e.g. their history). */
  recordShiftHistory(history: ShiftHistory[], now: Date): Promise<void>;
  /** Those of the entities with a shift that ended by `now` (their history has been recorded). */
  refsWithFinishedShifts(entityRefs: string[], now: Date): Promise<Set<string>>;
  /** Shifts of the entities overlapping [from, to). */
  getShifts(entityRefs: string[], from: Date, to: Date): Promise<StoredShift[]>;
  /** Removes shifts that ended before `cutoff` and shifts of entities not in `keepEntityRefs`. */
  pruneShifts(cutoff: Date, keepEntityRefs: string[]): Promise<number>;
}
