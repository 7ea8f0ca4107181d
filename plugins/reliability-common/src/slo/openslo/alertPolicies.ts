import { BurnRateAlertCondition, SloAlertPolicy, SloWindow } from '../types';
import { DocumentIndex } from './documentIndex';
import { fail } from './errors';
import { SLO_RUNBOOK_ANNOTATION } from './runbookAnnotation';
import {
  AlertConditionSpec,
  AlertPolicySpec,
  Metadata,
  SloSpec,
} from './schema';
import { fixedSeconds, windowLengthUpperBound } from './windows';

const PAGE_SEVERITIES = new Set(['page', 'critical', 'high', 'urgent']);

/** An AlertCondition as a multiwindow burn-rate condition (long window = lookbackWindow, short = alertAfter). */
function burnRateConditionOf(
  name: string,
  spec: AlertConditionSpec,
  path: string,
  window: SloWindow,
): BurnRateAlertCondition {
  const { condition } = spec;
  if (condition.kind.toLowerCase() !== 'burnrate') {
    fail(
      `${path}.condition.kind`,
      `only burnrate alert conditions are supported, not '${condition.kind}'`,
    );
  }
  if (condition.op !== 'gte' && condition.op !== 'gt') {
    fail(
      `${path}.condition.op`,
      'burn-rate alerts fire when the burn rate is high: use op gte',
    );
  }
  const longWindowSeconds = fixedSeconds(
    condition.lookbackWindow,
    `${path}.condition.lookbackWindow`,
    'lookbackWindow',
  );
  if (longWindowSeconds > windowLengthUpperBound(window)) {
    fail(
      `${path}.condition.lookbackWindow`,
      'lookbackWindow must not exceed the SLO window',
    );
  }
  // alertAfter is read as the short window of a multiwindow alert: the burn rate must also be high over
  // that recent span. Without it, the workbook's ratio applies (short window = 1/12 of the long one).
  // OpenSLO's default alertAfter is 0m: no short window given.
  const alertAfter =
    condition.alertAfter && !/^0+[smhdw]$/.test(condition.alertAfter.trim())
      ? condition.alertAfter
      : undefined;
  const shortWindowSeconds = alertAfter
    ? fixedSeconds(alertAfter, `${path}.condition.alertAfter`, 'alertAfter')
    : Math.max(60, Math.round(longWindowSeconds / 12));
  if (shortWindowSeconds > longWindowSeconds) {
    fail(
      `${path}.condition.alertAfter`,
      'alertAfter must not exceed lookbackWindow',
    );
  }
  return {
    name,
    severity: PAGE_SEVERITIES.has(spec.severity.toLowerCase())
      ? 'page'
      : 'ticket',
    burnRateThreshold: condition.threshold,
    longWindowSeconds,
    shortWindowSeconds,
  };
}

/** The conditions of one policy, inline or AlertCondition documents named by `conditionRef`. */
function conditionsOf(
  policy: AlertPolicySpec,
  path: string,
  window: SloWindow,
  documents: DocumentIndex,
): BurnRateAlertCondition[] {
  return policy.conditions.map((entry, index) => {
    const conditionPath = `${path}.spec.conditions.${index}`;
    if (entry.conditionRef) {
      const found = documents.get('AlertCondition', entry.conditionRef);
      if (!found) {
        fail(
          `${conditionPath}.conditionRef`,
          `no AlertCondition named '${entry.conditionRef}' in this file`,
        );
      }
      return burnRateConditionOf(
        found.metadata.name,
        found.spec,
        `(AlertCondition ${found.metadata.name}).spec`,
        window,
      );
    }
    if (!entry.metadata || !entry.spec) {
      fail(
        conditionPath,
        'an alert condition needs conditionRef, or metadata and spec',
      );
    }
    return burnRateConditionOf(
      entry.metadata.name,
      entry.spec,
      `${conditionPath}.spec`,
      window,
    );
  });
}

/**
 * The SLO's alert policies, inline or AlertPolicy documents named by `alertPolicyRef`. An SLO without
 * any gets none here; the evaluator then applies the default alerts derived for its window
 * (`defaultMultiwindowAlerts`).
 */
export function alertPoliciesOf(
  spec: SloSpec,
  window: SloWindow,
  documents: DocumentIndex,
): SloAlertPolicy[] {
  return (spec.alertPolicies ?? []).map((entry, index) => {
    let path = `spec.alertPolicies.${index}`;
    let policy: { metadata: Metadata; spec: AlertPolicySpec };
    if (entry.alertPolicyRef) {
      const found = documents.get('AlertPolicy', entry.alertPolicyRef);
      if (!found) {
        fail(
          `${path}.alertPolicyRef`,
          `no AlertPolicy named '${entry.alertPolicyRef}' in this file`,
        );
      }
      policy = found;
      path = `(AlertPolicy ${entry.alertPolicyRef})`;
    } else if (entry.metadata && entry.spec) {
      policy = { metadata: entry.metadata, spec: entry.spec };
    } else {
      fail(path, 'an alert policy needs alertPolicyRef, or metadata and spec');
    }
    const result: SloAlertPolicy = {
      name: policy.metadata.name,
      conditions: conditionsOf(policy.spec, path, window, documents),
    };
    if (policy.metadata.displayName)
      result.displayName = policy.metadata.displayName;
    if (policy.spec.description) result.description = policy.spec.description;
    const runbook = policy.metadata.annotations?.[SLO_RUNBOOK_ANNOTATION];
    if (runbook) result.runbook = runbook;
    return result;
  });
}
