import { TrendScope } from '@internal/backstage-plugin-reliability-common';

/** Maturity of one scope (entity, team, system, domain or the org) on one day. */
export interface MaturitySnapshotRow {
  scope: TrendScope;
  /** Normalised entity ref, or `org`. */
  scopeRef: string;
  score: number | null;
  level: string;
  serviceCount: number;
  scoredCount: number;
}

/** SLO attainment of one team (or `org`) and one SLO window on one day. */
export interface SloSnapshotRow {
  teamRef: string;
  window: string;
  sloCount: number;
  measuredCount: number;
  metCount: number;
}

/** A stored row with its day and whether it is synthetic demo history. */
export type Stored<T> = T & { day: string; demo: boolean };

/** Every row of one day. */
export interface DaySnapshot {
  maturity: MaturitySnapshotRow[];
  slo: SloSnapshotRow[];
}

/** Daily trend snapshots (SQLite and PostgreSQL). */
export interface TrendsStore {
  /**
   * Replaces every row of `day` (measured or demo) with the given ones: running the snapshot again on the same
   * day leaves exactly the newest measurement. Written a few hundred rows per statement, each row replaced in
   * place (no transaction holding the database for the whole day: on SQLite that held every web request up), then
   * the day's rows the snapshot does not have are deleted; a reader meanwhile sees each scope's older or newer
   * row of that day. `beforeEachWrite` runs before each statement (the job gives way to web requests there).
   */
  replaceDay(
    day: string,
    snapshot: DaySnapshot,
    at: Date,
    options?: { beforeEachWrite?: () => Promise<void> },
  ): Promise<void>;
  /** Adds demo rows where no row of the same day and key exists (never overwrites a measured snapshot). */
  insertDemoRows(
    rows: Array<{ day: string } & Partial<DaySnapshot>>,
    at: Date,
  ): Promise<void>;
  /** Maturity rows of one scope in [fromDay, toDay], oldest first. */
  getMaturitySeries(
    scope: TrendScope,
    scopeRef: string,
    fromDay: string,
    toDay: string,
  ): Promise<Stored<MaturitySnapshotRow>[]>;
  /** SLO rows of one team (or `org`) in [fromDay, toDay], oldest first. */
  getSloSeries(
    teamRef: string,
    fromDay: string,
    toDay: string,
  ): Promise<Stored<SloSnapshotRow>[]>;
  /** Newest day with a maturity row of the scope, or null. */
  getLatestDay(scope: TrendScope): Promise<string | null>;
  /** Maturity rows of a scope kind on one day. */
  getMaturityOnDay(
    scope: TrendScope,
    day: string,
  ): Promise<Stored<MaturitySnapshotRow>[]>;
  /** Per scope ref, its oldest maturity row in [fromDay, toDay]. */
  getOldestMaturityIn(
    scope: TrendScope,
    fromDay: string,
    toDay: string,
  ): Promise<Stored<MaturitySnapshotRow>[]>;
  /** Deletes rows of days before `day`; returns how many. */
  deleteBefore(day: string): Promise<number>;
}
