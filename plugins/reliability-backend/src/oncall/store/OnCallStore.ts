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
  listLatestEntityRefs(): Promise<string[]>;
  saveSnapshot(
    entityRef: string,
    snapshot: OnCallSnapshot,
    at: Date,
  ): Promise<void>;
  /** Records a failure, keeping the last good snapshot. */
  saveError(
    entityRef: string,
    provider: string,
    error: string,
    at: Date,
  ): Promise<void>;
  deleteLatest(entityRefs: string[]): Promise<void>;
  /**
   * Records shifts that have started by `now` (inserting or updating their end). With `current`, the shifts
   * are everything in progress: open shifts of the entity that are no longer reported end at `now`
   * (someone else took over early).
   */
  recordShifts(
    entityRef: string,
    shifts: OnCallShift[],
    now: Date,
    options?: { current?: boolean },
  ): Promise<void>;
  /**
   * Stores a page of refreshes in one transaction, in a number of statements that depends on the number of
   * rows only through chunking: what `saveSnapshot` with `recordShifts(..., { current: true })` stores for
   * each snapshot, and what `saveError` stores for each failure.
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
