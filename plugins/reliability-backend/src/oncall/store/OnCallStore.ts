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
  /** Whether any shift of the entity ended by `now` (its history has been recorded). */
  hasFinishedShifts(entityRef: string, now: Date): Promise<boolean>;
  /** Shifts of the entities overlapping [from, to). */
  getShifts(entityRefs: string[], from: Date, to: Date): Promise<StoredShift[]>;
  /** Removes shifts that ended before `cutoff` and shifts of entities not in `keepEntityRefs`. */
  pruneShifts(cutoff: Date, keepEntityRefs: string[]): Promise<number>;
}
