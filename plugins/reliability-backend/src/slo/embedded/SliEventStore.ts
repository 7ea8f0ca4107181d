import { SliceRatioSums } from '@internal/backstage-plugin-reliability-common';

/** Good/total event counts of one SLI over one interval [start, end). */
export interface SliEventRecord {
  start: Date;
  end: Date;
  good: number;
  total: number;
}

/** An SLI of an entity. */
export interface SliKey {
  entityRef: string;
  sliName: string;
}

/**
 * What `readSegments` reads: the SLIs, the cut points (sorted, distinct) and optionally a slice grid with the
 * Timeslices targets to judge its slices by. The time from the first to the last cut is cut at every cut point
 * and, with `sliceSeconds`, at every line of the clock grid of that slice length; each piece is a segment.
 */
export interface SliSegmentsRequest {
  slis: SliKey[];
  cuts: Date[];
  sliceSeconds?: number;
  timeSliceTargets?: number[];
}

/**
 * The summed counts of the intervals of one SLI whose start lies in one segment: segment `cut` lies between
 * `cuts[cut]` and `cuts[cut + 1]`, and in grid slice `slice` (slice index since the epoch, null without grid).
 */
export interface SliSegmentRow extends SliKey {
  slice: number | null;
  cut: number;
  good: number;
  total: number;
}

/**
 * The grid slices of one SLI lying wholly between `cuts[cut]` and `cuts[cut + 1]`, summed up: their events, the
 * sum of the good/total ratios of the slices with traffic and how many there were, and per Timeslices target
 * (in the order of the request's `timeSliceTargets`) how many of them were bad (good/total below it).
 */
export interface SliSliceRangeRow extends SliKey {
  cut: number;
  good: number;
  total: number;
  ratioSum: number;
  slicesWithData: number;
  badSlices: number[];
}

/**
 * What `readSegments` returns. Without grid: every segment. With a grid: the segments of the slices a cut point
 * lies inside (the edge slices), and the other slices summed up per cut range.
 */
export interface SliSegmentsRead {
  segments: SliSegmentRow[];
  ranges: SliSliceRangeRow[];
}

/**
 * Storage of SLI event counts pushed to the embedded SLI provider (by the ingest API or the demo seeder).
 * Writes are idempotent per interval: writing an interval with the start and end of a stored one replaces it;
 * an interval overlapping a stored one in any other way is rejected, so no event is counted twice.
 */
export interface SliEventStore {
  /**
   * Most SLIs one `readSegments` call should ask for. SQLite runs every query on the event loop, so its reads are
   * kept short enough not to hold web requests up; PostgreSQL's run beside them.
   */
  readonly maxSlisPerRead?: number;
  /**
   * Writes all intervals in one transaction (all or nothing); returns how many were written. Throws
   * InputError, writing nothing, when an interval overlaps a stored interval other than the same interval.
   * The intervals given must not overlap each other (the ingest schema rejects that).
   */
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
  /**
   * RatioTimeslices sums over [from, to), with the slices and interval rule of `countSlices`: the sum of the
   * good/total ratios of the slices with traffic, and how many there were.
   */
  sumSliceRatios(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
    sliceSeconds: number,
  ): Promise<SliceRatioSums>;
  /**
   * The counts of many SLIs per segment (see SliSegmentsRequest and SliSegmentsRead) in one query: what one
   * collection of a batch of SLOs needs, from which every window, look-back and slice of their evaluation is
   * summed. Segments and ranges without intervals are absent.
   */
  readSegments(request: SliSegmentsRequest): Promise<SliSegmentsRead>;
  /** Earliest interval start and latest interval end stored for an SLI; undefined when none. */
  getExtent(
    entityRef: string,
    sliName: string,
  ): Promise<{ firstStart: Date; lastEnd: Date } | undefined>;
  /**
   * Deletes the intervals of these entities that ended before `before`; returns the number deleted. By entity and
   * SLI, so the store visits only their old rows (through the index the reads use) instead of the whole table.
   */
  deleteOlderThan(before: Date, entityRefs: string[]): Promise<number>;
  /** Deletes the data of every entity not in `keepEntityRefs`; returns the number of rows deleted. */
  deleteEntitiesNotIn(keepEntityRefs: Set<string>): Promise<number>;
}
