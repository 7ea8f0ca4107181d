import { EventCounts, sanitizeCounts } from './math';

/**
 * RatioTimeslices budgeting (OpenSLO: "an average of all time slices' success ratios"): the SLO window is cut
 * into slices of `timeSliceWindow` (see sliceGrid.ts), each slice's success ratio good/total is computed, and
 * the attainment is the average of those ratios. Slices without traffic have no ratio and are left out.
 * A burst of failures thus weighs as much as one slice, however many requests it held.
 *
 * As with Timeslices, the error-budget and burn-rate math takes the result as counts: good = the sum of the
 * slices' ratios, total = the number of slices with traffic (so good / total is the average ratio).
 */

/** The sum of the success ratios of the slices with traffic, and how many there were. @public */
export interface SliceRatioSums {
  ratioSum: number;
  slicesWithData: number;
}

/** Sums the success ratios of per-slice event counts, leaving out slices without traffic. @public */
export function sumSliceRatios(slices: EventCounts[]): SliceRatioSums {
  let ratioSum = 0;
  let slicesWithData = 0;
  for (const slice of slices) {
    const { good, total } = sanitizeCounts(slice);
    if (total > 0) {
      ratioSum += good / total;
      slicesWithData += 1;
    }
  }
  return { ratioSum, slicesWithData };
}

/** Slice ratio sums as the good/total counts the error-budget math takes. @public */
export function sliceRatiosAsEvents(sums: SliceRatioSums): EventCounts {
  return { good: sums.ratioSum, total: sums.slicesWithData };
}
