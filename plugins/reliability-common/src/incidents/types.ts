/** Incident severities, most severe first (`sev1` is the worst). @public */
export const INCIDENT_SEVERITIES = [
  'sev1',
  'sev2',
  'sev3',
  'sev4',
  'sev5',
] as const;

/** How bad an incident is: `sev1` (most severe) to `sev5`. @public */
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** Where an incident stands. @public */
export const INCIDENT_STATUSES = [
  'triggered',
  'acknowledged',
  'resolved',
] as const;

/** Where an incident stands: open (`triggered`, `acknowledged`) or `resolved`. @public */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * One incident of a service, as an incident source reports it (PagerDuty, Opsgenie, or any tool posting to the
 * embedded source). Times are ISO 8601.
 *
 * @public
 */
export interface Incident {
  /** The id the source gives the incident (unique per source and entity), e.g. `Q2K8ABCD` or `INC-1042`. */
  id: string;
  /** The source: the incident provider's id (`pagerduty`, `opsgenie`) or `embedded`. */
  source: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  startedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** The incident in its source; only ever an http(s) URL (anything else is dropped). */
  url: string | null;
}
