/**
 * Normalises values read back from the database: PostgreSQL returns timestamps as Date and big integers
 * or sums as strings; SQLite returns timestamps as epoch milliseconds and numbers as numbers.
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

/** A numeric column (possibly a bigint string) as a finite number, or null. */
export function dbNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A boolean column (SQLite stores 0/1). */
export function dbBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
