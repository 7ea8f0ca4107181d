import {
  BudgetingMethod,
  SloDefinition,
  SloObjective,
} from '@internal/backstage-plugin-reliability-common';

/** Slice length when an objective names none (threshold SLIs are sampled once a minute). */
export const DEFAULT_SLICE_SECONDS = 60;

/** OpenSLO budgeting methods the evaluator implements (all of them). */
export type Budgeting = BudgetingMethod;

/** The budgeting method of an SLO (Occurrences when a stored definition names another). */
export function budgetingOf(slo: SloDefinition): Budgeting {
  const method = slo.budgetingMethod;
  return method === 'Timeslices' || method === 'RatioTimeslices'
    ? method
    : 'Occurrences';
}

/** What an SLO's good/total count: slices under Timeslices and RatioTimeslices budgeting, else events. */
export function countUnitOf(slo: SloDefinition): 'events' | 'slices' {
  return budgetingOf(slo) === 'Occurrences' ? 'events' : 'slices';
}

/**
 * Whether the suite cuts the SLI into slices itself: ratio SLIs under slice budgeting. Threshold SLIs are
 * already sampled per slice by their providers (good = samples meeting op/value), so their counts are slices.
 */
export function slicesRatioSli(slo: SloDefinition): boolean {
  return countUnitOf(slo) === 'slices' && !slo.indicator.threshold;
}

/** Slice length of an objective, in seconds. */
export function sliceSecondsOf(objective: SloObjective): number {
  return objective.timeSliceWindowSeconds ?? DEFAULT_SLICE_SECONDS;
}

/** Share of good events a slice needs under Timeslices (the objective's target when not given). */
export function timeSliceTargetOf(objective: SloObjective): number {
  return objective.timeSliceTarget ?? objective.target;
}
