import {
  SliceRatioSums,
  sliceCountOf,
} from '@internal/backstage-plugin-reliability-common';
import { SliEventCounts } from '@internal/backstage-plugin-reliability-node';
import { SliSegmentRow, SliSliceRangeRow } from './SliEventStore';

/** Summed counts of one segment of an SLI: the intervals whose start lies in it. */
interface Segment {
  start: number;
  slice: number | null;
  good: number;
  total: number;
}

/** The whole grid slices of one cut range, summed up (see SliSliceRangeRow), and where they lie. */
interface SliceRange {
  start: number;
  end: number;
  good: number;
  total: number;
  ratioSum: number;
  slicesWithData: number;
  badSlices: number[];
}

/** Running totals of a question over segments and slice ranges. */
interface Tally {
  good: number;
  total: number;
  ratioSum: number;
  slicesWithData: number;
  badSlices: number[];
}

/**
 * One SLI's counts as read by `SliEventStore.readSegments` for a batch, answering sums, Timeslices counts and
 * RatioTimeslices sums over intervals whose ends are boundaries of what was read (a cut point, or the grid line
 * next to one) exactly as the store's own queries would: an interval counts in the slice and segment where its
 * start lies. Asked anything else it answers `undefined`, and the caller asks the store.
 */
export class SliSegments {
  private readonly cuts: number[];
  private readonly cutSet: Set<number>;
  private readonly sliceMs: number | undefined;
  private readonly targets: number[];
  /** Segments sorted by start (without grid: one per cut range; with a grid: those of edge slices). */
  private readonly segments: Segment[];
  /** With a grid: the whole slices of each cut range, summed up. */
  private readonly ranges: SliceRange[];

  constructor(options: {
    cuts: Date[];
    sliceSeconds?: number;
    timeSliceTargets?: number[];
    segments: Array<Pick<SliSegmentRow, 'cut' | 'slice' | 'good' | 'total'>>;
    ranges?: Array<Omit<SliSliceRangeRow, 'entityRef' | 'sliName'>>;
  }) {
    this.cuts = options.cuts.map(d => d.getTime());
    this.cutSet = new Set(this.cuts);
    this.sliceMs =
      options.sliceSeconds === undefined
        ? undefined
        : options.sliceSeconds * 1000;
    this.targets = options.timeSliceTargets ?? [];
    this.segments = options.segments
      .map(row => ({
        start: this.segmentStart(row.cut, row.slice),
        slice: row.slice,
        good: row.good,
        total: row.total,
      }))
      .sort((a, b) => a.start - b.start);
    this.ranges = (options.ranges ?? []).map(row => ({
      ...row,
      start: this.gridCeil(this.cuts[row.cut]),
      end: this.gridFloor(this.cuts[row.cut + 1]),
    }));
  }

  /** Good/total events of the intervals starting in [from, to); undefined when not answerable. */
  sum(from: Date, to: Date): SliEventCounts | undefined {
    const tally = this.tally(from, to);
    return tally && { good: tally.good, total: tally.total };
  }

  /**
   * Timeslices counts of [from, to) with slices aligned on `from` (see SliEventStore.countSlices); undefined
   * unless those slices are this grid's slices cut to [from, to) and the target was read.
   */
  countSlices(
    from: Date,
    to: Date,
    sliceSeconds: number,
    timeSliceTarget: number,
  ): { goodSlices: number; totalSlices: number } | undefined {
    const target = this.targets.indexOf(timeSliceTarget);
    if (target < 0 || !this.isGridQuestion(from, to, sliceSeconds)) {
      return undefined;
    }
    const tally = this.tally(from, to);
    if (!tally) return undefined;
    const totalSlices = sliceCountOf(from, to, sliceSeconds);
    const bad = Math.min(tally.badSlices[target], totalSlices);
    return { goodSlices: totalSlices - bad, totalSlices };
  }

  /** RatioTimeslices sums of [from, to) (see SliEventStore.sumSliceRatios); undefined as for countSlices. */
  sumSliceRatios(
    from: Date,
    to: Date,
    sliceSeconds: number,
  ): SliceRatioSums | undefined {
    if (!this.isGridQuestion(from, to, sliceSeconds)) return undefined;
    const tally = this.tally(from, to);
    return (
      tally && {
        ratioSum: tally.ratioSum,
        slicesWithData: tally.slicesWithData,
      }
    );
  }

  /** Whether slices of `sliceSeconds` aligned on `from` are this grid's slices cut to [from, to). */
  private isGridQuestion(from: Date, to: Date, sliceSeconds: number): boolean {
    const step = this.sliceMs;
    if (step === undefined || sliceSeconds * 1000 !== step) return false;
    const start = from.getTime();
    return (
      start % step === 0 ||
      Math.floor(start / step) === Math.floor((to.getTime() - 1) / step)
    );
  }

  /** Everything read about [from, to), or undefined when its ends are not boundaries of what was read. */
  private tally(from: Date, to: Date): Tally | undefined {
    const start = from.getTime();
    const end = to.getTime();
    if (!this.isBoundary(start) || !this.isBoundary(end)) return undefined;
    const tally: Tally = {
      good: 0,
      total: 0,
      ratioSum: 0,
      slicesWithData: 0,
      badSlices: this.targets.map(() => 0),
    };
    for (const range of this.ranges) {
      if (range.end <= range.start) continue;
      const inside = range.start >= start && range.end <= end;
      if (!inside && range.start < end && range.end > start) return undefined;
      if (inside) {
        tally.good += range.good;
        tally.total += range.total;
        tally.ratioSum += range.ratioSum;
        tally.slicesWithData += range.slicesWithData;
        range.badSlices.forEach((n, i) => (tally.badSlices[i] += n));
      }
    }
    const slices = new Map<number, { good: number; total: number }>();
    for (const segment of this.within(start, end)) {
      tally.good += segment.good;
      tally.total += segment.total;
      if (segment.slice !== null) {
        const sums = slices.get(segment.slice) ?? { good: 0, total: 0 };
        sums.good += segment.good;
        sums.total += segment.total;
        slices.set(segment.slice, sums);
      }
    }
    for (const slice of slices.values()) {
      if (slice.total > 0) {
        const ratio = slice.good / slice.total;
        tally.ratioSum += ratio;
        tally.slicesWithData += 1;
        this.targets.forEach((target, i) => {
          if (ratio < target) tally.badSlices[i] += 1;
        });
      }
    }
    return tally;
  }

  /** Whether an instant is a boundary of what was read: a cut point, or the grid line next to one. */
  private isBoundary(t: number): boolean {
    if (t < this.cuts[0] || t > this.cuts[this.cuts.length - 1]) return false;
    if (this.cutSet.has(t)) return true;
    if (this.sliceMs === undefined || t % this.sliceMs !== 0) return false;
    return this.cuts.some(
      c => this.gridFloor(c) === t || this.gridCeil(c) === t,
    );
  }

  /** The segments starting in [start, end) (with boundary ends, exactly the segments inside it). */
  private *within(start: number, end: number): Generator<Segment> {
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

  private gridFloor(t: number): number {
    return this.sliceMs === undefined
      ? t
      : Math.floor(t / this.sliceMs) * this.sliceMs;
  }

  private gridCeil(t: number): number {
    return this.sliceMs === undefined
      ? t
      : Math.ceil(t / this.sliceMs) * this.sliceMs;
  }
}
