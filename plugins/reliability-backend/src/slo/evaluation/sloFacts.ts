import {
  BurnRateAlertCondition,
  SliIndicator,
  SloDefinition,
  SloObjective,
  WORKBOOK_MULTIWINDOW_ALERTS,
} from '@internal/backstage-plugin-reliability-common';
import { SloDefinitionFacts } from '../store/SloStore';

/** The objective an SLO is evaluated against: its first (OpenSLO allows several; the first is the primary one). */
export function primaryObjective(slo: SloDefinition): SloObjective {
  return slo.objectives[0];
}

/** The metric source type (= SLI provider type) of an indicator, lower case. */
export function metricSourceType(indicator: SliIndicator): string | undefined {
  const source =
    indicator.ratio?.total ??
    indicator.ratio?.good ??
    indicator.ratio?.bad ??
    indicator.threshold?.metricSource;
  return source?.type.toLocaleLowerCase('en-US');
}

/** Alert conditions to evaluate: the SLO's own, or the SRE workbook's defaults when it defines none. */
export function alertConditionsOf(slo: SloDefinition): {
  conditions: BurnRateAlertCondition[];
  source: 'definition' | 'default';
} {
  const own = slo.alertPolicies.flatMap(policy => policy.conditions);
  return own.length > 0
    ? { conditions: own, source: 'definition' }
    : { conditions: WORKBOOK_MULTIWINDOW_ALERTS, source: 'default' };
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
