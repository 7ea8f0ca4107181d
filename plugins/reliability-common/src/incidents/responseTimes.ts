import { INCIDENT_SEVERITIES, Incident, IncidentSeverity } from './types';

/** How long an incident took to be acknowledged, to be resolved, and how long it lasted, in seconds. @public */
export interface IncidentDurations {
  /** Start to acknowledgement; null when never acknowledged. */
  timeToAcknowledgeSeconds: number | null;
  /** Start to resolution; null while open. */
  timeToResolveSeconds: number | null;
  /** Start to resolution, or to `now` while the incident is open. */
  durationSeconds: number;
}

/** Mean times to acknowledge and to resolve of the incidents of one severity. @public */
export interface SeverityResponseTimes {
  severity: IncidentSeverity;
  /** Incidents of this severity. */
  incidents: number;
  /** How many were acknowledged (the MTTA sample). */
  acknowledged: number;
  /** How many were resolved (the MTTR sample). */
  resolved: number;
  /** Mean time to acknowledge, in seconds; null when none was acknowledged. */
  mttaSeconds: number | null;
  /** Mean time to resolve (from the start), in seconds; null when none was resolved. */
  mttrSeconds: number | null;
}

function secondsBetween(from: string, to: string): number | null {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  // A source whose clocks disagree may report an acknowledgement a moment before the start: that is zero.
  return Math.max(0, (end - start) / 1000);
}

type IncidentTimes = Pick<
  Incident,
  'startedAt' | 'acknowledgedAt' | 'resolvedAt'
>;

function timeToAcknowledge(incident: IncidentTimes): number | null {
  return incident.acknowledgedAt
    ? secondsBetween(incident.startedAt, incident.acknowledgedAt)
    : null;
}

function timeToResolve(incident: IncidentTimes): number | null {
  return incident.resolvedAt
    ? secondsBetween(incident.startedAt, incident.resolvedAt)
    : null;
}

/**
 * Time to acknowledge, time to resolve and duration of one incident. An acknowledgement or resolution time
 * before the start (clock skew between systems) counts as zero.
 *
 * @public
 */
export function incidentDurations(
  incident: IncidentTimes,
  now: Date,
): IncidentDurations {
  const timeToResolveSeconds = timeToResolve(incident);
  return {
    timeToAcknowledgeSeconds: timeToAcknowledge(incident),
    timeToResolveSeconds,
    durationSeconds:
      timeToResolveSeconds ??
      secondsBetween(incident.startedAt, now.toISOString()) ??
      0,
  };
}

function mean(values: number[]): number | null {
  return values.length === 0
    ? null
    : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * MTTA and MTTR per severity, most severe first, for the severities that have incidents. MTTA averages the
 * incidents that were acknowledged, MTTR those that were resolved (both measured from the start); open
 * incidents count in `incidents` only, so an incident still open does not make the mean look better.
 *
 * @public
 */
export function responseTimesBySeverity(
  incidents: Array<IncidentTimes & Pick<Incident, 'severity'>>,
): SeverityResponseTimes[] {
  return INCIDENT_SEVERITIES.flatMap(severity => {
    const ofSeverity = incidents.filter(i => i.severity === severity);
    if (ofSeverity.length === 0) return [];
    const acks = ofSeverity
      .map(timeToAcknowledge)
      .filter((s): s is number => s !== null);
    const resolves = ofSeverity
      .map(timeToResolve)
      .filter((s): s is number => s !== null);
    return [
      {
        severity,
        incidents: ofSeverity.length,
        acknowledged: acks.length,
        resolved: resolves.length,
        mttaSeconds: mean(acks),
        mttrSeconds: mean(resolves),
      },
    ];
  });
}
