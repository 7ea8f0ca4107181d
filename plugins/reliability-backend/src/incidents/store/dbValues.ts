/**
 * Values read back from the database: PostgreSQL returns timestamps as Date and big integers as strings;
 * SQLite returns timestamps as epoch milliseconds and booleans as 0/1.
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

/** A nullable timestamp column as an ISO 8601 string. */
export function dbIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined
    ? null
    : dbDate(value).toISOString();
}

/** A count column (possibly a bigint string) as a number. */
export function dbCount(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** A nullable number column (PostgreSQL may return doubles and integers as strings). */
export function dbNumberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A boolean column. */
export function dbBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
