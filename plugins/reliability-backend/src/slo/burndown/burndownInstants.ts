import {
  burndownInstants,
  SloDefinition,
  SloObjective,
  sliceGridFloor,
} from '@internal/backstage-plugin-reliability-common';
import { countUnitOf, sliceSecondsOf } from '../evaluation/budgeting';

/**
 * The instants of an SLO's burn-down (see `burndownInstants`). Under slice budgeting the instants between the
 * first and the last are moved back onto the clock grid of the objective's slices, so no slice is cut in two
 * by neighbouring segments: the segments then hold exactly the slices of the whole window (instants that fall
 * on the same grid line are merged, so a window of few slices has fewer points).
 */
export function burndownInstantsOf(
  slo: SloDefinition,
  objective: SloObjective,
  windowStart: Date,
  until: Date,
  points: number,
): Date[] {
  const instants = burndownInstants(windowStart, until, points);
  if (countUnitOf(slo) === 'events' || instants.length < 3) {
    return instants;
  }
  const sliceSeconds = sliceSecondsOf(objective);
  const first = instants[0];
  const last = instants[instants.length - 1];
  const snapped = [first];
  for (const instant of instants.slice(1, -1)) {
    const onGrid = sliceGridFloor(instant, sliceSeconds);
    if (onGrid > snapped[snapped.length - 1] && onGrid < last) {
      snapped.push(onGrid);
    }
  }
  snapped.push(last);
  return snapped;
}
