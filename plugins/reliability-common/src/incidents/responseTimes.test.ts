import { incidentDurations, responseTimesBySeverity } from './responseTimes';
import { IncidentSeverity } from './types';

const T0 = Date.parse('2026-11-02T10:00:00.000Z');

function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

function incident(
  severity: IncidentSeverity,
  ackMinutes: number | null,
  resolveMinutes: number | null,
) {
  return {
    severity,
    startedAt: at(0),
    acknowledgedAt: ackMinutes === null ? null : at(ackMinutes),
    resolvedAt: resolveMinutes === null ? null : at(resolveMinutes),
  };
}

describe('incidentDurations', () => {
  it.each([
    // ack minutes, resolve minutes, now minutes -> tta s, ttr s, duration s
    [5, 65, 100, 300, 3900, 3900],
    [null, 30, 100, null, 1800, 1800],
    [2, null, 90, 120, null, 5400],
    [null, null, 10, null, null, 600],
    // Clock skew: acknowledged or resolved "before" the start counts as zero.
    [-1, -1, 10, 0, 0, 0],
  ])(
    'ack %p min, resolved %p min, now %p min: TTA %p s, TTR %p s, duration %p s',
    (ack, resolve, now, tta, ttr, duration) => {
      expect(
        incidentDurations(
          incident('sev2', ack, resolve),
          new Date(T0 + now * 60_000),
        ),
      ).toEqual({
        timeToAcknowledgeSeconds: tta,
        timeToResolveSeconds: ttr,
        durationSeconds: duration,
      });
    },
  );
});

describe('responseTimesBySeverity', () => {
  it('averages acknowledged and resolved incidents per severity, most severe first', () => {
    const result = responseTimesBySeverity([
      incident('sev3', 10, 120),
      incident('sev1', 2, 60),
      incident('sev1', 4, 180),
      // Open and unacknowledged: counted, not averaged.
      incident('sev1', null, null),
      incident('sev3', null, 60),
    ]);
    expect(result).toEqual([
      {
        severity: 'sev1',
        incidents: 3,
        acknowledged: 2,
        resolved: 2,
        mttaSeconds: 180,
        mttrSeconds: 7200,
      },
      {
        severity: 'sev3',
        incidents: 2,
        acknowledged: 1,
        resolved: 2,
        mttaSeconds: 600,
        mttrSeconds: 5400,
      },
    ]);
  });

  it('has null means when no incident of a severity was acknowledged or resolved', () => {
    expect(responseTimesBySeverity([incident('sev4', null, null)])).toEqual([
      {
        severity: 'sev4',
        incidents: 1,
        acknowledged: 0,
        resolved: 0,
        mttaSeconds: null,
        mttrSeconds: null,
      },
    ]);
    expect(responseTimesBySeverity([])).toEqual([]);
  });
});
