import { cleanNumber } from '../math';
import { SliIndicator, SloDefinition, SloObjective, SloWindow } from '../types';
import { fail } from './errors';
import { SloSpec } from './schema';
import { fixedSeconds, windowLengthUpperBound } from './windows';

/** The SLO's objectives: a target in (0, 1], op/value for threshold SLIs, time slices for Timeslices and RatioTimeslices. */
export function objectivesOf(
  spec: SloSpec,
  indicator: SliIndicator,
  window: SloWindow,
  budgetingMethod: SloDefinition['budgetingMethod'],
): SloObjective[] {
  return spec.objectives.map((input, index) => {
    const path = `spec.objectives.${index}`;
    if (
      input.indicator !== undefined ||
      input.indicatorRef !== undefined ||
      input.compositeWeight !== undefined
    ) {
      fail(
        path,
        'composite SLOs (an indicator, indicatorRef or compositeWeight per objective) are not supported; define one SLO per indicator',
      );
    }
    if (input.target !== undefined && input.targetPercent !== undefined) {
      fail(path, 'give either target or targetPercent, not both');
    }
    const target =
      input.target ??
      (input.targetPercent === undefined
        ? undefined
        : cleanNumber(input.targetPercent / 100));
    if (target === undefined || target === null) {
      fail(
        `${path}.target`,
        'target (0 < target <= 1) or targetPercent is required',
      );
    }
    if (
      indicator.threshold &&
      (input.op === undefined || input.value === undefined)
    ) {
      fail(path, 'objectives of a threshold SLI need op and value');
    }
    const objective: SloObjective = { target };
    if (input.displayName !== undefined)
      objective.displayName = input.displayName;
    if (indicator.threshold) {
      objective.op = input.op;
      objective.value = input.value;
    }
    if (input.timeSliceTarget !== undefined) {
      objective.timeSliceTarget = input.timeSliceTarget;
    }
    if (input.timeSliceWindow !== undefined) {
      // A bare number is minutes, the OpenSLO default unit.
      const seconds =
        typeof input.timeSliceWindow === 'number'
          ? input.timeSliceWindow * 60
          : fixedSeconds(
              input.timeSliceWindow,
              `${path}.timeSliceWindow`,
              'timeSliceWindow',
            );
      if (seconds > windowLengthUpperBound(window)) {
        fail(
          `${path}.timeSliceWindow`,
          'timeSliceWindow must be shorter than the SLO window',
        );
      }
      objective.timeSliceWindowSeconds = seconds;
    } else if (budgetingMethod !== 'Occurrences') {
      fail(
        `${path}.timeSliceWindow`,
        `${budgetingMethod} budgeting needs a timeSliceWindow (e.g. 1m)`,
      );
    }
    return objective;
  });
}
