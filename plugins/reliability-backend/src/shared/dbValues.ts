/**
 * Values read back from the database, normalised across SQLite and PostgreSQL: PostgreSQL returns timestamps
 * as Date and big integers, sums and some doubles as strings; SQLite returns timestamps as epoch milliseconds
 * and booleans as 0/1. Every Knex store reads its columns through these.
 */

/** A timestamp column as a Date. */
export function dbDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return new Date(Number(value));
  }
  return new Date(String(value));
}

/** A nullable timestamp column as a Date, or null. */
export function dbDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : dbDate(value);
}

/** A timestamp column as an ISO 8601 string. */
export function dbIso(value: unknown): string {
  return dbDate(value).toISOString();
}

/** A nullable timestamp column as an ISO 8601 string, or null. */
export function dbIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : dbIso(value);
}

/** A nullable numeric column (possibly a bigint or double string) as a finite number, or null. */
export function dbNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A count column (possibly a bigint string) as a number; 0 when it is not a number. */
export function dbCount(value: unknown): number {
  return dbNumber(value) ?? 0;
}

/** A boolean column (SQLite stores 0/1, some drivers answer 't'). */
export function dbBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A nullable text column. */
export function dbTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** The rows of a `knex.raw` query: better-sqlite3 answers with the rows, pg with a result object holding them. */
export function rawRows(result: unknown): Array<Record<string, unknown>> {
  return Array.isArray(result)
    ? result
    : (result as { rows: Array<Record<string, unknown>> }).rows;
}
