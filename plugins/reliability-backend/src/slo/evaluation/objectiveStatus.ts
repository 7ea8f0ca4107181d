import {
  BurnRateAlertCondition,
  burnRate,
  computeErrorBudget,
  evaluateBurnRateAlerts,
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

/** Budget, burn rates, alerts and last window of one objective from its counts. */
export function objectiveStatus(
  slo: SloDefinition,
  objective: SloObjective,
  data: ObjectiveCounts,
): SloObjectiveStatus {
  const { target } = objective;
  const { windowCounts, lastCounts } = data;
  const burnRateBySeconds = new Map<number, number | null>(
    data.lookbacks.map(l => [l.seconds, burnRate(l.counts, target)]),
  );
  const budget = computeErrorBudget(windowCounts, target);
  const alerts = evaluateBurnRateAlerts(
    data.conditions,
    seconds => burnRateBySeconds.get(seconds) ?? null,
  );
  const currentBurnRate =
    burnRateBySeconds.get(CURRENT_BURN_RATE_SECONDS) ?? null;
  const hasData =
    windowCounts.total > 0 ||
    [...burnRateBySeconds.values()].some(rate => rate !== null);
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
      .map(({ seconds, label }) => ({
        label,
        windowSeconds: seconds,
        burnRate: burnRateBySeconds.get(seconds) ?? null,
      }))
      .sort((a, b) => a.windowSeconds - b.windowSeconds),
    alertState: hasData ? mostSevereFiring(alerts) ?? 'ok' : 'unknown',
    alerts: alerts.map(evaluation => ({
      ...evaluation.condition,
      firing: evaluation.firing,
      longBurnRate: evaluation.longBurnRate,
      shortBurnRate: evaluation.shortBurnRate,
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
      met: lastAttainment === null ? null : lastAttainment >= target,
    },
  };
}
