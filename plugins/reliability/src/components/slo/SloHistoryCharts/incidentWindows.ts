import {
  Incident,
  IncidentSeverity,
} from '@internal/backstage-plugin-reliability-common';

/** An incident as a span of the burn-down chart's time axis (epoch ms), clipped to the chart. */
export interface IncidentWindow {
  id: string;
  title: string;
  severity: IncidentSeverity;
  startedAt: number;
  /** The incident's end, or `now` while it is open. */
  endedAt: number;
  /** True while the incident is open. */
  open: boolean;
  /** Chart coordinates: the span clipped to [start, end] of the chart. */
  x1: number;
  x2: number;
}

/** Most incident spans drawn on one chart (the most severe, then the longest, are kept). */
export const MAX_INCIDENT_WINDOWS = 20;

/**
 * The incidents that overlap the chart's window [start, end], as spans to draw beside the budget: from their
 * start to their resolution (or `now` while open), clipped to the window, oldest first. Incidents with a start
 * that is not a date are left out.
 */
export function incidentWindows(
  incidents: ReadonlyArray<Incident>,
  start: number,
  end: number,
  now: number,
): IncidentWindow[] {
  const windows = incidents.flatMap(incident => {
    const startedAt = Date.parse(incident.startedAt);
    const resolvedAt = incident.resolvedAt
      ? Date.parse(incident.resolvedAt)
      : NaN;
    const open = !Number.isFinite(resolvedAt);
    const endedAt = open ? Math.max(now, startedAt) : resolvedAt;
    if (!Number.isFinite(startedAt) || endedAt < start || startedAt > end) {
      return [];
    }
    return [
      {
        id: incident.id,
        title: incident.title,
        severity: incident.severity,
        startedAt,
        endedAt,
        open,
        x1: Math.max(startedAt, start),
        x2: Math.min(endedAt, end),
      },
    ];
  });
  return windows
    .sort(
      (a, b) =>
        a.severity.localeCompare(b.severity) ||
        b.endedAt - b.startedAt - (a.endedAt - a.startedAt),
    )
    .slice(0, MAX_INCIDENT_WINDOWS)
    .sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}
