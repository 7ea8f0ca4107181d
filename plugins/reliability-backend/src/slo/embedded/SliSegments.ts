import {
  SliceRatioSums,
  sliceCountOf,
} from '@internal/backstage-plugin-reliability-common';
import { SliEventCounts } from '@internal/backstage-plugin-reliability-node';

/** Summed counts of one segment of an SLI: the intervals whose start lies in [start, end). */
interface Segment {
  start: number;
  slice: number | null;
  good: number;
  total: number;
}

/**
 * One SLI's counts per segment (read with `SliEventStore.readSegments`), answering sums over any interval whose
 * ends are segment boundaries (a cut point, or a line of the slice grid) exactly as the store would: an interval
 * counts where its start lies. Asked about other intervals it answers `undefined`, so the caller asks the store.
 */
export class SliSegments {
  private readonly cuts: number[];
  private readonly cutSet: Set<number>;
  private readonly sliceMs: number | undefined;
  /** Segments sorted by start. */
  private readonly segments: Segment[];

  constructor(options: {
    cuts: Date[];
    sliceSeconds?: number;
    rows: Array<{
      cut: number;
      slice: number | null;
      good: number;
      total: number;
    }>;
  }) {
    this.cuts = options.cuts.map(d => d.getTime());
    this.cutSet = new Set(this.cuts);
    this.sliceMs =
      options.sliceSeconds === undefined
        ? undefined
        : options.sliceSeconds * 1000;
    this.segments = options.rows
      .map(row => ({
        start: this.segmentStart(row.cut, row.slice),
        slice: row.slice,
        good: row.good,
        total: row.total,
      }))
      .sort((a, b) => a.start - b.start);
  }

  /** Good/total events of the intervals starting in [from, to); undefined when not answerable from the segments. */
  sum(from: Date, to: Date): SliEventCounts | undefined {
    if (!this.isBoundary(from) || !this.isBoundary(to)) return undefined;
    let good = 0;
    let total = 0;
    for (const segment of this.within(from, to)) {
      good += segment.good;
      total += segment.total;
    }
    return { good, total };
  }

  /**
   * Timeslices counts of [from, to) with slices aligned on `from` (see SliEventStore.countSlices); undefined
   * unless those slices are this grid's slices cut to [from, to).
   */
  countSlices(
    from: Date,
    to: Date,
    sliceSeconds: number,
    timeSliceTarget: number,
  ): { goodSlices: number; totalSlices: number } | undefined {
    const slices = this.sliceSums(from, to, sliceSeconds);
    if (!slices) return undefined;
    const totalSlices = sliceCountOf(from, to, sliceSeconds);
    const bad = slices.filter(
      s => s.total > 0 && s.good / s.total < timeSliceTarget,
    ).length;
    return {
      goodSlices: totalSlices - Math.min(bad, totalSlices),
      totalSlices,
    };
  }

  /** RatioTimeslices sums of [from, to) (see SliEventStore.sumSliceRatios); undefined as for countSlices. */
  sumSliceRatios(
    from: Date,
    to: Date,
    sliceSeconds: number,
  ): SliceRatioSums | undefined {
    const slices = this.sliceSums(from, to, sliceSeconds);
    if (!slices) return undefined;
    let ratioSum = 0;
    let slicesWithData = 0;
    for (const slice of slices) {
      if (slice.total > 0) {
        ratioSum += slice.good / slice.total;
        slicesWithData += 1;
      }
    }
    return { ratioSum, slicesWithData };
  }

  /** Summed counts per grid slice of [from, to), in slice order; undefined unless answerable (see countSlices). */
  private sliceSums(
    from: Date,
    to: Date,
    sliceSeconds: number,
  ): Array<{ good: number; total: number }> | undefined {
    const step = this.sliceMs;
    if (step === undefined || sliceSeconds * 1000 !== step) return undefined;
    if (!this.isBoundary(from) || !this.isBoundary(to)) return undefined;
    const start = from.getTime();
    // Slices aligned on `from` are grid slices when `from` is on the grid or [from, to) lies in one grid slice.
    const onGrid = start % step === 0;
    if (
      !onGrid &&
      Math.floor(start / step) !== Math.floor((to.getTime() - 1) / step)
    ) {
      return undefined;
    }
    const bySlice = new Map<number, { good: number; total: number }>();
    for (const segment of this.within(from, to)) {
      const key = segment.slice ?? 0;
      const sums = bySlice.get(key) ?? { good: 0, total: 0 };
      sums.good += segment.good;
      sums.total += segment.total;
      bySlice.set(key, sums);
    }
    return [...bySlice.entries()].sort((a, b) => a[0] - b[0]).map(e => e[1]);
  }

  /** Whether an instant is a segment boundary inside the read span. */
  private isBoundary(date: Date): boolean {
    const t = date.getTime();
    if (t < this.cuts[0] || t > this.cuts[this.cuts.length - 1]) return false;
    return (
      this.cutSet.has(t) ||
      (this.sliceMs !== undefined && t % this.sliceMs === 0)
    );
  }

  /** The segments starting in [from, to) (with boundary ends, exactly the segments inside it). */
  private *within(from: Date, to: Date): Generator<Segment> {
    const start = from.getTime();
    const end = to.getTime();
    let low = 0;
    let high = this.segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.segments[mid].start < start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.segments.length; i++) {
      if (this.segments[i].start >= end) return;
      yield this.segments[i];
    }
  }

  /** Where a segment starts: the later of its cut point and its grid slice's start. */
  private segmentStart(cut: number, slice: number | null): number {
    const cutStart = this.cuts[cut];
    return slice === null || this.sliceMs === undefined
      ? cutStart
      : Math.max(cutStart, slice * this.sliceMs);
  }
}
