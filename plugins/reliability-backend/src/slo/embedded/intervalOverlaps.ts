/** A half-open interval [start, end). */
export interface TimeInterval {
  start: Date;
  end: Date;
}

/** `start–end` in ISO 8601, as error messages name intervals. */
export function describeInterval(interval: TimeInterval): string {
  return `${interval.start.toISOString()}–${interval.end.toISOString()}`;
}

/** Whether two half-open intervals share any instant (touching ends do not overlap). */
export function intervalsOverlap(a: TimeInterval, b: TimeInterval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether two intervals are the same interval (an ingest of it replaces the stored one). */
export function sameInterval(a: TimeInterval, b: TimeInterval): boolean {
  return (
    a.start.getTime() === b.start.getTime() &&
    a.end.getTime() === b.end.getTime()
  );
}

/**
 * Pairs of overlapping intervals of one list, as indexes `[earlier, later]` (by start), each later interval
 * paired with the first earlier one it overlaps. O(n log n).
 */
export function overlappingPairs(
  intervals: TimeInterval[],
): Array<[number, number]> {
  const order = intervals
    .map((interval, index) => ({ interval, index }))
    .sort(
      (a, b) =>
        a.interval.start.getTime() - b.interval.start.getTime() ||
        a.index - b.index,
    );
  const pairs: Array<[number, number]> = [];
  // The interval reaching furthest so far: any later start before its end overlaps it.
  let reach: { interval: TimeInterval; index: number } | undefined;
  for (const current of order) {
    if (reach && current.interval.start < reach.interval.end) {
      pairs.push([reach.index, current.index]);
    }
    if (!reach || current.interval.end > reach.interval.end) {
      reach = current;
    }
  }
  return pairs;
}
