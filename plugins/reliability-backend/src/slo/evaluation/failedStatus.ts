import {
  SloDefinition,
  SloStatus,
  windowSeconds,
} from '@internal/backstage-plugin-reliability-common';
import { countUnitOf } from './budgeting';
import {
  alertConditionsOf,
  alertingObjectiveIndex,
  primaryObjective,
} from './sloFacts';

/**
 * The state after a failed collection: the last good data (if any), marked stale with the error;
 * without earlier data, an empty state that carries the error (e.g. "provider not configured").
 */
export function failedStatus(
  slo: SloDefinition,
  previous: SloStatus | undefined,
  error: unknown,
  now: Date,
  dataSource: string,
): SloStatus {
  const message = error instanceof Error ? error.message : String(error);
  if (previous && previous.error === null) {
    return {
      ...previous,
      checkedAt: now.toISOString(),
      stale: true,
      error: message,
    };
  }
  if (previous && previous.total !== null) {
    return { ...previous, checkedAt: now.toISOString(), error: message };
  }
  let window = { start: now, end: now };
  try {
    window = windowSeconds(slo.window, now);
  } catch {
    // keep the empty window; the error message says what is wrong
  }
  const { source } = alertConditionsOf(slo);
  return {
    collectedAt: now.toISOString(),
    checkedAt: now.toISOString(),
    windowStart: window.start.toISOString(),
    windowEnd: window.end.toISOString(),
    target: primaryObjective(slo).target,
    good: null,
    total: null,
    attainment: null,
    budgetRemaining: null,
    burnRate: null,
    burnRates: [],
    alertState: 'unknown',
    alertsSource: source,
    alerts: [],
    timeToExhaustionSeconds: null,
    stale: true,
    error: message,
    dataSource,
    countUnit: countUnitOf(slo),
    objectiveIndex: alertingObjectiveIndex(slo),
    objectives: [],
    lastWindow: null,
  };
}
