import {
  BurnRateAlertCondition,
  defaultMultiwindowAlerts,
  explainBurnRateCondition,
  formatDuration,
  SloDefinition,
  SloStatus,
} from '@internal/backstage-plugin-reliability-common';

/** One alert threshold that applies to an SLO, in words. */
export interface AlertThresholdRow {
  name: string;
  severity: 'page' | 'ticket';
  /** `1h and 5m`: the long and the short window. */
  windows: string;
  /** Why the threshold: `2% of a 7-day budget in 1h = 3.36×`. */
  explanation: string;
  /** Only known from an evaluated status. */
  firing?: boolean;
  unboundedBurn?: boolean;
}

/**
 * The alert thresholds that apply to an SLO and why: those the backend evaluated (status), else those it
 * will evaluate: the SLO's own conditions, or the defaults sized for its window.
 */
export function alertThresholdRows(
  definition: SloDefinition,
  status: SloStatus | null,
): { source: 'definition' | 'default'; rows: AlertThresholdRow[] } {
  const row = (
    condition: BurnRateAlertCondition,
    evaluation?: { firing: boolean; unboundedBurn?: boolean },
  ): AlertThresholdRow => ({
    name: condition.name,
    severity: condition.severity,
    windows: `${formatDuration(
      condition.longWindowSeconds,
    )} and ${formatDuration(condition.shortWindowSeconds)}`,
    explanation: explainBurnRateCondition(condition, definition.window),
    ...(evaluation
      ? {
          firing: evaluation.firing,
          unboundedBurn: evaluation.unboundedBurn ?? false,
        }
      : {}),
  });
  if (status && status.alerts.length > 0) {
    return {
      source: status.alertsSource,
      rows: status.alerts.map(alert => row(alert, alert)),
    };
  }
  const own = definition.alertPolicies.flatMap(policy => policy.conditions);
  return own.length > 0
    ? { source: 'definition', rows: own.map(condition => row(condition)) }
    : {
        source: 'default',
        rows: defaultMultiwindowAlerts(definition.window).map(condition =>
          row(condition),
        ),
      };
}
