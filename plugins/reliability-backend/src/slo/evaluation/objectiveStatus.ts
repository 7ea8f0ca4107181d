import {
  alertingBurnRate,
  BurnRateAlertCondition,
  burnRate,
  computeErrorBudget,
  evaluateBurnRateAlertsOnCounts,
  meetsTarget,
  mostSevereFiring,
  SloDefinition,
  SloObjective,
  SloObjectiveStatus,
  timeToExhaustionSeconds,
  windowLengthSeconds,
} from '@internal/backstage-plugin-reliability-common';
import { SliEventCounts } from '@internal/backstage-plugin-reliability-node';
import { budgetingOf, countUnitOf, timeSliceTargetOf } from './budgeting';
import { CURRENT_BURN_RATE_SECONDS, Lookback } from './evaluationIntervals';

/** The measured counts of one objective, in its unit. */
export interface ObjectiveCounts {
  now: Date;
  windowCounts: SliEventCounts;
  lastCounts: SliEventCounts;
  lastWindow: { start: Date; end: Date };
  lookbacks: Array<Lookback & { counts: SliEventCounts }>;
  conditions: BurnRateAlertCondition[];
}

/** The slice settings an objective reports under slice budgeting. */
function sliceSettings(
  slo: SloDefinition,
  objective: SloObjective,
): Pick<SloObjectiveStatus, 'timeSliceTarget' | 'timeSliceWindowSeconds'> {
  switch (budgetingOf(slo)) {
    case 'Timeslices':
      return {
        // Ratio SLIs judge slices on timeSliceTarget (the target when omitted); threshold SLIs on op/value.
        timeSliceTarget: slo.indicator.threshold
          ? objective.timeSliceTarget
          : timeSliceTargetOf(objective),
        timeSliceWindowSeconds: objective.timeSliceWindowSeconds,
      };
    case 'RatioTimeslices':
      return { timeSliceWindowSeconds: objective.timeSliceWindowSeconds };
    default:
      return {};
  }
}

/**
 * Budget, burn rates, alerts and last window of one objective from its counts. Alerts compare
 * `alertingBurnRate`s (`evaluateBurnRateAlertsOnCounts`): against a 100% target any bad event is an unbounded
 * burn that fires every condition whose windows saw it (reported as `unboundedBurn`, the rates as null).
 * "Met" is decided on the counts (`meetsTarget`), never on the rounded attainment.
 */
export function objectiveStatus(
  slo: SloDefinition,
  objective: SloObjective,
  data: ObjectiveCounts,
): SloObjectiveStatus {
  const { target } = objective;
  const { windowCounts, lastCounts } = data;
  const countsBySeconds = new Map<number, SliEventCounts>(
    data.lookbacks.map(l => [l.seconds, l.counts]),
  );
  const burnRateOf = (seconds: number) => {
    const counts = countsBySeconds.get(seconds);
    return counts ? burnRate(counts, target) : null;
  };
  const budget = computeErrorBudget(windowCounts, target);
  const alerts = evaluateBurnRateAlertsOnCounts(
    data.conditions,
    seconds => countsBySeconds.get(seconds),
    target,
  );
  const currentBurnRate = burnRateOf(CURRENT_BURN_RATE_SECONDS);
  const hasData =
    windowCounts.total > 0 || data.lookbacks.some(l => l.counts.total > 0);
  const lastAttainment = computeErrorBudget(lastCounts, target).attainment;
  const settings = sliceSettings(slo, objective);
  return {
    ...(objective.displayName !== undefined
      ? { displayName: objective.displayName }
      : {}),
    target,
    budgetingMethod: slo.budgetingMethod,
    countUnit: countUnitOf(slo),
    ...settings,
    good: windowCounts.good,
    total: windowCounts.total,
    attainment: budget.attainment,
    budgetRemaining:
      windowCounts.total > 0 ? budget.budgetRemainingRatio : null,
    burnRate: currentBurnRate,
    burnRates: data.lookbacks
      .map(({ seconds, label, counts }) => ({
        label,
        windowSeconds: seconds,
        burnRate: burnRateOf(seconds),
        ...(alertingBurnRate(counts, target) === Number.POSITIVE_INFINITY
          ? { unboundedBurn: true }
          : {}),
      }))
      .sort((a, b) => a.windowSeconds - b.windowSeconds),
    alertState: hasData ? mostSevereFiring(alerts) ?? 'ok' : 'unknown',
    alerts: alerts.map(evaluation => ({
      ...evaluation.condition,
      firing: evaluation.firing,
      longBurnRate: evaluation.longBurnRate,
      shortBurnRate: evaluation.shortBurnRate,
      unboundedBurn: evaluation.unboundedBurn,
    })),
    timeToExhaustionSeconds:
      windowCounts.total > 0
        ? timeToExhaustionSeconds(
            budget.budgetRemainingRatio,
            currentBurnRate,
            windowLengthSeconds(slo.window, data.now),
          )
        : null,
    lastWindow: {
      start: data.lastWindow.start.toISOString(),
      end: data.lastWindow.end.toISOString(),
      attainment: lastAttainment,
      met: meetsTarget(lastCounts, target),
    },
  };
}
