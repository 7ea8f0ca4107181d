/** Good/total event counts of one SLI over one interval [start, end). */
export interface SliEventRecord {
  start: Date;
  end: Date;
  good: number;
  total: number;
}

/**
 * Storage of SLI event counts pushed to the embedded SLI provider (by the ingest API or the demo seeder).
 * Writes are idempotent per interval: writing an interval whose start is already stored replaces it.
 */
export interface SliEventStore {
  /** Writes all intervals in one transaction (all or nothing); returns how many were written. */
  writeEvents(
    entityRef: string,
    sliName: string,
    events: SliEventRecord[],
  ): Promise<number>;
  /** Sums the intervals whose start lies in [from, to). */
  sumEvents(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
  ): Promise<{ good: number; total: number }>;
  /**
   * Timeslices counts over [from, to): slices of `sliceSeconds` aligned on `from` (the last one cut at `to`).
   * A stored interval belongs wholly to the slice containing its start (no proration, the rule of
   * `sumEvents`). A slice is bad when its summed good/total is below `timeSliceTarget`; slices without
   * traffic are good.
   */
  countSlices(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
    sliceSeconds: number,
    timeSliceTarget: number,
  ): Promise<{ goodSlices: number; totalSlices: number }>;
  /** Earliest interval start and latest interval end stored for an SLI; undefined when none. */
  getExtent(
    entityRef: string,
    sliName: string,
  ): Promise<{ firstStart: Date; lastEnd: Date } | undefined>;
  /** Deletes intervals that ended before `before`; returns the number deleted. */
  deleteOlderThan(before: Date): Promise<number>;
  /** Deletes the data of every entity not in `keepEntityRefs`; returns the number of rows deleted. */
  deleteEntitiesNotIn(keepEntityRefs: Set<string>): Promise<number>;
}
