/**
 * The fixed clock grid Timeslices budgeting cuts time on: slices are the epoch-aligned multiples of the slice
 * length (`[k × L, (k + 1) × L)` in Unix time), whatever interval is being measured. So the SLO window, the last
 * window, every burn-rate window and every burn-down segment cut the same slices, and a slice measured as part
 * of one interval is judged the same in another. A measured interval whose ends fall inside a slice keeps the
 * part of that slice it covers (a partial slice still counts as one slice).
 */

function sliceMs(sliceSeconds: number): number {
  if (!(sliceSeconds > 0) || !Number.isFinite(sliceSeconds)) {
    throw new RangeError(`slice length must be positive, got ${sliceSeconds}`);
  }
  return sliceSeconds * 1000;
}

/** The start of the grid slice containing `at`. @public */
export function sliceGridFloor(at: Date, sliceSeconds: number): Date {
  const step = sliceMs(sliceSeconds);
  const ms = at.getTime();
  return new Date(ms - (((ms % step) + step) % step));
}

/** How many grid slices [from, to) touches; 0 for an empty interval. @public */
export function gridSliceCountOf(
  from: Date,
  to: Date,
  sliceSeconds: number,
): number {
  const step = sliceMs(sliceSeconds);
  if (to.getTime() <= from.getTime()) return 0;
  const first = sliceGridFloor(from, sliceSeconds).getTime();
  return Math.ceil((to.getTime() - first) / step);
}

/** The grid slices of [from, to), each cut to [from, to). @public */
export function gridSliceIntervals(
  from: Date,
  to: Date,
  sliceSeconds: number,
): Array<{ from: Date; to: Date }> {
  const step = sliceMs(sliceSeconds);
  const count = gridSliceCountOf(from, to, sliceSeconds);
  const first = sliceGridFloor(from, sliceSeconds).getTime();
  return Array.from({ length: count }, (_, i) => ({
    from: new Date(Math.max(first + i * step, from.getTime())),
    to: new Date(Math.min(first + (i + 1) * step, to.getTime())),
  }));
}

/**
 * [from, to) as at most three pieces that each start on the grid or hold less than one slice: the partial
 * slice at the start, the whole slices in between, the partial slice at the end. Measuring each piece with
 * slices aligned on its own start (as `sliceIntervals` and `SliTimeslicesRequest` do) then cuts exactly the
 * grid slices of [from, to).
 *
 * @public
 */
export function splitOnSliceGrid(
  from: Date,
  to: Date,
  sliceSeconds: number,
): Array<{ from: Date; to: Date }> {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return [];
  const step = sliceMs(sliceSeconds);
  const firstWhole = Math.ceil(start / step) * step;
  const lastWhole = Math.floor(end / step) * step;
  if (firstWhole >= lastWhole) {
    // No whole slice inside: one or two partial slices.
    return firstWhole > start && firstWhole < end
      ? [
          { from, to: new Date(firstWhole) },
          { from: new Date(firstWhole), to },
        ]
      : [{ from, to }];
  }
  const pieces: Array<{ from: Date; to: Date }> = [];
  if (firstWhole > start) pieces.push({ from, to: new Date(firstWhole) });
  pieces.push({ from: new Date(firstWhole), to: new Date(lastWhole) });
  if (end > lastWhole) pieces.push({ from: new Date(lastWhole), to });
  return pieces;
}
