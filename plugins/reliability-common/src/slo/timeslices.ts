import { EventCounts, sanitizeCounts } from './math';

/**
 * Timeslices budgeting (OpenSLO `Timeslices`/`RatioTimeslices`): the SLO window is cut into slices of
 * `timeSliceWindow`; a slice is good when its good/total ratio meets `timeSliceTarget`, and the
 * objective's target applies to the share of good slices. Error budget and burn rates are then the
 * Occurrences formulas applied to slice counts (good = good slices, total = slices).
 */

/** Good and total slices of an interval. @public */
export interface SliceCounts {
  goodSlices: number;
  totalSlices: number;
}

/**
 * Whether one slice is good: its good/total ratio is at least `timeSliceTarget`.
 * A slice without traffic (total 0) counts as good: no request failed in it.
 *
 * @public
 */
export function isGoodSlice(
  counts: EventCounts,
  timeSliceTarget: number,
): boolean {
  const { good, total } = sanitizeCounts(counts);
  if (total === 0) return true;
  // Both sides are correctly rounded doubles, so an exact decimal tie (7/100 vs 0.07) compares equal.
  return good / total >= timeSliceTarget;
}

/**
 * The slices of [from, to): `sliceSeconds` long, aligned on `from`; the last one is cut at `to`
 * (a partial slice still counts as one slice).
 *
 * @public
 */
export function sliceIntervals(
  from: Date,
  to: Date,
  sliceSeconds: number,
): Array<{ from: Date; to: Date }> {
  const count = sliceCountOf(from, to, sliceSeconds);
  const step = sliceSeconds * 1000;
  return Array.from({ length: count }, (_, i) => ({
    from: new Date(from.getTime() + i * step),
    to: new Date(Math.min(from.getTime() + (i + 1) * step, to.getTime())),
  }));
}

/** How many slices of `sliceSeconds` cover [from, to) (a partial last slice counts); 0 for an empty interval. @public */
export function sliceCountOf(
  from: Date,
  to: Date,
  sliceSeconds: number,
): number {
  if (!(sliceSeconds > 0)) {
    throw new RangeError(`slice length must be positive, got ${sliceSeconds}`);
  }
  const ms = to.getTime() - from.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / (sliceSeconds * 1000));
}

/** Counts the good slices among per-slice event counts. @public */
export function countGoodSlices(
  slices: EventCounts[],
  timeSliceTarget: number,
): SliceCounts {
  return {
    goodSlices: slices.filter(s => isGoodSlice(s, timeSliceTarget)).length,
    totalSlices: slices.length,
  };
}

/** Slice counts as the good/total counts the error-budget math takes. @public */
export function sliceCountsAsEvents(counts: SliceCounts): EventCounts {
  return { good: counts.goodSlices, total: counts.totalSlices };
}
