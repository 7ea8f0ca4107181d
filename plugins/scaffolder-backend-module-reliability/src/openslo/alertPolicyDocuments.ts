import {
  defaultMultiwindowAlerts,
  SLO_RUNBOOK_ANNOTATION,
  SloWindow,
} from '@internal/backstage-plugin-reliability-common';

const UNITS: Array<[string, number]> = [
  ['w', 7 * 86400],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/** Seconds as an OpenSLO duration in the largest unit that divides them (`3600` -> `1h`). */
export function openSloDuration(seconds: number): string {
  const [unit, size] = UNITS.find(([, s]) => seconds % s === 0) ?? ['s', 1];
  return `${seconds / size}${unit}`;
}

/**
 * Inline OpenSLO `AlertPolicy` entries for an SLO: the SRE workbook's multiwindow burn-rate alerts sized for the
 * SLO's window (`defaultMultiwindowAlerts`), written out so teams see (and may tune) what pages them.
 * `runbook` (id or URL) is named on every policy, so the alerts count as covered by a runbook.
 */
export function alertPolicyDocuments(options: {
  sloName: string;
  window: SloWindow;
  runbook?: string;
}): Array<Record<string, unknown>> {
  const { sloName, window, runbook } = options;
  return defaultMultiwindowAlerts(window).map(alert => ({
    kind: 'AlertPolicy',
    metadata: {
      name: `${sloName}-${alert.name}`,
      ...(runbook
        ? { annotations: { [SLO_RUNBOOK_ANNOTATION]: runbook } }
        : {}),
    },
    spec: {
      description: `${alert.severity === 'page' ? 'Page' : 'Ticket'}: ${
        alert.explanation
      }.`,
      alertWhenBreaching: true,
      conditions: [
        {
          kind: 'AlertCondition',
          metadata: { name: alert.name },
          spec: {
            severity: alert.severity,
            condition: {
              kind: 'burnrate',
              op: 'gte',
              threshold: alert.burnRateThreshold,
              lookbackWindow: openSloDuration(alert.longWindowSeconds),
              alertAfter: openSloDuration(alert.shortWindowSeconds),
            },
          },
        },
      ],
    },
  }));
}
