import {
  BurnRateAlertCondition,
  SliIndicator,
  SloDefinition,
  SloObjective,
  alertingObjectiveIndex as highestTargetIndex,
  defaultMultiwindowAlerts,
} from '@internal/backstage-plugin-reliability-common';
import { SloDefinitionFacts } from '../store/SloStore';

/**
 * Index of the objective an SLO's headline numbers and alert state use: the one with the highest target
 * (`alertingObjectiveIndex` of -common). Validated definitions have at least one objective.
 */
export function alertingObjectiveIndex(slo: SloDefinition): number {
  return Math.max(0, highestTargetIndex(slo));
}

/** The objective with the highest target (see alertingObjectiveIndex). */
export function primaryObjective(slo: SloDefinition): SloObjective {
  return slo.objectives[alertingObjectiveIndex(slo)];
}

/** The metric source type (= SLI provider type) of an indicator, lower case. */
export function metricSourceType(indicator: SliIndicator): string | undefined {
  const source =
    indicator.ratio?.total ??
    indicator.ratio?.good ??
    indicator.ratio?.bad ??
    indicator.threshold?.metricSource;
  return source?.type.toLowerCase();
}

/** Alert conditions to evaluate: the SLO's own, or the default alerts sized for its window when it defines none. */
export function alertConditionsOf(slo: SloDefinition): {
  conditions: BurnRateAlertCondition[];
  source: 'definition' | 'default';
} {
  const own = slo.alertPolicies.flatMap(policy => policy.conditions);
  return own.length > 0
    ? { conditions: own, source: 'definition' }
    : { conditions: defaultMultiwindowAlerts(slo.window), source: 'default' };
}

/** What summaries need to know about an SLO's alerting setup. */
export function definitionFacts(slo: SloDefinition): SloDefinitionFacts {
  return {
    alertCount: slo.alertPolicies.length,
    alertsWithRunbook: slo.alertPolicies.filter(policy =>
      Boolean(policy.runbook ?? slo.runbook),
    ).length,
    hasBurnRateAlerts: slo.alertPolicies.some(
      policy => policy.conditions.length > 0,
    ),
  };
}
