import type { PlainTableColumn } from './PlainTable';
import { compareBy } from './compareBy';

/** A right-aligned column of a number per row, drawn as it is and sorting on the client. */
export function countColumn<Row>(
  title: string,
  count: (row: Row) => number,
): PlainTableColumn<Row> {
  return { title, align: 'right', sort: compareBy(count), render: count };
}
