import { ServiceOverviewRow } from '@internal/backstage-plugin-reliability-common';
import { csvLine } from '../shared/csv';

/** Columns of the overview export. */
export const OVERVIEW_CSV_HEADER = [
  'entityRef',
  'name',
  'title',
  'owner',
  'system',
  'domain',
  'tier',
  'sloCount',
  'worstBudgetRemaining',
  'alerting',
  'sloDataStale',
  'onCallPrimary',
  'onCallUntil',
  'runbookCount',
  'staleRunbooks',
  'runbookCoverage',
  'maturityLevel',
  'maturityScore',
  'policyState',
  'policyDecision',
  'policySince',
];

/** One overview row as a CSV line, in the order of {@link OVERVIEW_CSV_HEADER}. */
export function overviewCsvLine(row: ServiceOverviewRow): string {
  return csvLine([
    row.entityRef,
    row.name,
    row.title,
    row.owner,
    row.system,
    row.domain,
    row.tier,
    row.slo?.sloCount,
    row.slo?.worstBudgetRemaining,
    row.slo?.alerting,
    row.slo ? String(row.slo.stale) : null,
    row.onCall?.primary?.name,
    row.onCall?.until,
    row.runbooks?.runbookCount,
    row.runbooks?.staleCount,
    row.runbooks?.coverage,
    row.maturity?.level,
    row.maturity?.score,
    row.policy?.state,
    row.policy?.decision,
    row.policy?.since,
  ]);
}
