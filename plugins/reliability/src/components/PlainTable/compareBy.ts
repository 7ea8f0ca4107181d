/** A value a column sorts by: text (compared as people read it, `tier-2` before `tier-10`) or a number. */
export type SortValue = string | number | null | undefined;

const collator = new Intl.Collator(undefined, {
  numeric: true,
  sensitivity: 'base',
});

const present = (value: SortValue) => value !== null && value !== undefined;

/**
 * An ascending comparison of rows by one value, for a {@link PlainTableColumn}'s `sort`: numbers by size, text
 * by {@link Intl.Collator} (case-insensitive, digits as numbers); a missing value (`null`, `undefined`) first.
 */
export function compareBy<Row>(
  value: (row: Row) => SortValue,
): (a: Row, b: Row) => number {
  return (a, b) => {
    const x = value(a);
    const y = value(b);
    if (!present(x) || !present(y))
      return Number(present(x)) - Number(present(y));
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return collator.compare(String(x), String(y));
  };
}
