import { SloSummary } from '@internal/backstage-plugin-reliability-common';

/** One SLO's newest state as summaries need it. */
export interface SloSummaryRow {
  attainment: number | null;
  budgetRemaining: number | null;
  target: number;
  alertState: string;
  stale: boolean;
  alertCount: number;
  alertsWithRunbook: number;
  hasBurnRateAlerts: boolean;
  checkedAt: Date;
  /**
   * Whether the SLO met every objective over its last window (previous calendar period, or the current
   * rolling window); null when not known yet.
   */
  metLastWindow: boolean | null;
}

/** Rolls an entity's per-SLO newest states up into its SloSummary. */
export function summarizeSloRows(
  entityRef: string,
  entity: { sloCount: number; definitionErrors: number; updatedAt: Date },
  rows: SloSummaryRow[],
): SloSummary {
  const judged = rows.filter(r => r.metLastWindow !== null);
  const budgets = rows
    .map(r => r.budgetRemaining)
    .filter((b): b is number => b !== null);
  let alerting: 'page' | 'ticket' | null = null;
  if (rows.some(r => r.alertState === 'page')) alerting = 'page';
  else if (rows.some(r => r.alertState === 'ticket')) alerting = 'ticket';
  const newest = rows.reduce(
    (latest, r) => (r.checkedAt > latest ? r.checkedAt : latest),
    entity.updatedAt,
  );
  return {
    entityRef,
    sloCount: entity.sloCount,
    definitionErrors: entity.definitionErrors,
    slosMeetingTarget:
      judged.length === 0 ? null : judged.filter(r => r.metLastWindow).length,
    burnRateAlertsConfigured:
      entity.sloCount > 0 &&
      rows.length >= entity.sloCount &&
      rows.every(r => r.hasBurnRateAlerts),
    worstBudgetRemaining: budgets.length === 0 ? null : Math.min(...budgets),
    alerting,
    alertCount: rows.reduce((sum, r) => sum + r.alertCount, 0),
    alertsWithRunbook: rows.reduce((sum, r) => sum + r.alertsWithRunbook, 0),
    stale: rows.some(r => r.stale),
    updatedAt: newest.toISOString(),
  };
}
