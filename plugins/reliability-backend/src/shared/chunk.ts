/**
 * Splits items into consecutive slices of at most `size`, e.g. to keep `whereIn` lists and multi-row inserts
 * under the database's bind-parameter limits (SQLite allows 32,766, PostgreSQL 65,535 per statement).
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`Chunk size must be a positive integer, got ${size}`);
  }
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    slices.push(items.slice(i, i + size));
  }
  return slices;
}
