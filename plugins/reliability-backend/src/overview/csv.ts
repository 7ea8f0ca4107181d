import { ServiceOverviewRow } from '@internal/backstage-plugin-reliability-common';

/** Characters that make spreadsheet apps evaluate a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled; a text starting
 * with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so spreadsheets show it as text.
 * Numbers are written as they are (a negative budget stays a number).
 */
export function csvCell(
  value: string | number | boolean | null | undefined,
): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  let text = String(value);
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text)) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One CSV line from cells, terminated by CRLF. */
export function csvLine(
  cells: Array<string | number | boolean | null | undefined>,
): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

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
