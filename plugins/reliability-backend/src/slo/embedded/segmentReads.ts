import { SliPreloadItem } from '../evaluation/preloadingProvider';
import { SliSegmentsRequest } from './SliEventStore';

/** Most cut points one read sums by (each is one CASE term per row). */
export const MAX_CUTS_PER_READ = 32;
/**
 * Most SLIs one read asks for, unless the store says otherwise (`SliEventStore.maxSlisPerRead`): large enough that
 * a page of 100 services costs a handful of reads.
 */
export const MAX_SLIS_PER_READ = 25;

/** An SLO of a batch, as far as the reads are concerned. */
export interface SegmentReadItem {
  entityRef: string;
  sliName: string;
  intervals: SliPreloadItem['intervals'];
  sliceSeconds: number[];
  timeSliceTargets: number[];
}

/**
 * The reads that give a batch of SLO evaluations every count they need: one read per slice length (and one
 * without grid for SLOs counting events only), cut at the ends of every interval; a read is split only when
 * its cut points or SLIs exceed the limits above, so a batch costs a constant number of queries.
 */
export function segmentReads(
  items: SegmentReadItem[],
  maxSlisPerRead: number = MAX_SLIS_PER_READ,
): SliSegmentsRequest[] {
  const groups = new Map<number | undefined, SegmentReadItem[]>();
  for (const item of items) {
    const grids =
      item.sliceSeconds.length > 0 ? item.sliceSeconds : [undefined];
    for (const grid of new Set(grids)) {
      groups.set(grid, [...(groups.get(grid) ?? []), item]);
    }
  }
  return [...groups].flatMap(([sliceSeconds, group]) =>
    splitGroup(group, sliceSeconds, maxSlisPerRead),
  );
}

/** The reads of the SLOs on one grid: as few as the limits allow. */
function splitGroup(
  group: SegmentReadItem[],
  sliceSeconds: number | undefined,
  maxSlisPerRead: number,
): SliSegmentsRequest[] {
  const reads: SliSegmentsRequest[] = [];
  let cuts = new Set<number>();
  let targets = new Set<number>();
  let slis = new Map<string, { entityRef: string; sliName: string }>();
  const flush = () => {
    if (slis.size > 0 && cuts.size >= 2) {
      reads.push({
        slis: [...slis.values()],
        cuts: [...cuts].sort((a, b) => a - b).map(t => new Date(t)),
        ...(sliceSeconds === undefined
          ? {}
          : { sliceSeconds, timeSliceTargets: [...targets] }),
      });
    }
    cuts = new Set();
    targets = new Set();
    slis = new Map();
  };
  for (const item of group) {
    const itemCuts = new Set(
      item.intervals.flatMap(i => [i.from.getTime(), i.to.getTime()]),
    );
    let added = 0;
    for (const t of itemCuts) if (!cuts.has(t)) added += 1;
    if (cuts.size + added > MAX_CUTS_PER_READ || slis.size >= maxSlisPerRead) {
      flush();
    }
    for (const t of itemCuts) cuts.add(t);
    for (const t of item.timeSliceTargets) targets.add(t);
    slis.set(JSON.stringify([item.entityRef, item.sliName]), {
      entityRef: item.entityRef,
      sliName: item.sliName,
    });
  }
  flush();
  return reads;
}
