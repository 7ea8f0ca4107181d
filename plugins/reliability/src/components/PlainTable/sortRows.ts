/** Which column a table is sorted by (its title), and which way. */
export interface SortOrder {
  column: string;
  direction: 'asc' | 'desc';
}

/**
 * The order after a click on a column's header: a new column sorts ascending, a second click descending, a third
 * goes back to the order the rows came in.
 */
export function nextSortOrder(
  current: SortOrder | undefined,
  column: string,
): SortOrder | undefined {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc'
    ? { column, direction: 'desc' }
    : undefined;
}

/** The rows in an order (a copy; rows that compare equal keep the order they came in), or as they are without one. */
export function sortRows<Row>(
  rows: Row[],
  compare: ((a: Row, b: Row) => number) | undefined,
  direction: SortOrder['direction'] | undefined,
): Row[] {
  if (!compare) return rows;
  const sign = direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b));
}
