import { Knex } from 'knex';
import { giveWay } from './giveWay';

/** Stored refs read per query. */
const PAGE_SIZE = 1000;

/**
 * The distinct values of `column` in `table` that are not in `keep` (the refs of a complete catalog listing, for an
 * area's retention), read in keyset pages of 1,000 in the column's order with a give-way between pages, so a table
 * of 100,000 entities is never one synchronous read (SQLite runs statements on the event loop). The column must be
 * indexed (a primary key or the first column of an index) for each page to be a short range scan.
 */
export async function refsNotIn(
  knex: Knex,
  table: string,
  keep: ReadonlySet<string>,
  column = 'entity_ref',
): Promise<string[]> {
  const gone: string[] = [];
  let after: string | undefined;
  for (;;) {
    const query = knex(table).distinct(column).orderBy(column).limit(PAGE_SIZE);
    if (after !== undefined) query.where(column, '>', after);
    const refs = (await query).map((row: Record<string, unknown>) =>
      String(row[column]),
    );
    for (const ref of refs) if (!keep.has(ref)) gone.push(ref);
    if (refs.length < PAGE_SIZE) return gone;
    after = refs[refs.length - 1];
    await giveWay();
  }
}
