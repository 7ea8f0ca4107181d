/** Values read back from the database, normalised across SQLite and PostgreSQL. */

/** Timestamp column to ISO string (PostgreSQL returns Date, SQLite epoch milliseconds). */
export function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return new Date(Number(value)).toISOString();
  }
  return new Date(String(value)).toISOString();
}

export function nullableIsoDate(value: unknown): string | null {
  return value === null || value === undefined ? null : isoDate(value);
}

export function nullableNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
