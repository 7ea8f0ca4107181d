/** CSV writing shared by every export (the overview table, SLO reports). */

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
