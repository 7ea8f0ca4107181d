import { INCIDENT_SEVERITIES, IncidentSeverity } from './types';

const SEVERITY_TEXT = /^(?:sev|severity|p|priority)?[\s_-]*([1-5])$/i;

/**
 * The severity a source's label names: `sev1`..`sev5`, written `SEV-1`, `Sev 1`, `P1`, `priority1` or `1`
 * (Opsgenie and PagerDuty priorities P1..P5 map to sev1..sev5). Undefined for anything else.
 *
 * @public
 */
export function parseIncidentSeverity(
  text: string | null | undefined,
): IncidentSeverity | undefined {
  const match = SEVERITY_TEXT.exec(String(text ?? '').trim());
  return match ? INCIDENT_SEVERITIES[Number(match[1]) - 1] : undefined;
}

/** 1 for `sev1` (most severe) to 5 for `sev5`. @public */
export function severityRank(severity: IncidentSeverity): number {
  return INCIDENT_SEVERITIES.indexOf(severity) + 1;
}

/** True when `severity` is `threshold` or more severe (`sev1` is at least as severe as `sev2`). @public */
export function isAtLeastAsSevere(
  severity: IncidentSeverity,
  threshold: IncidentSeverity,
): boolean {
  return severityRank(severity) <= severityRank(threshold);
}
