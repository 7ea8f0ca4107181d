import { Knex } from 'knex';
import { chunk } from './chunk';
import { rawRows } from './dbValues';
import { giveWay } from './giveWay';

/** Stored refs read per query. */
const PAGE_SIZE = 1000;

/**
 * The distinct values of `column` in `table` that are not in `keep` (the refs of a complete catalog listing, for an
 * area's retention). The column must be indexed (a primary key or the first column of an index): the refs are read
 * by a loose index scan, one index probe per distinct ref whatever the rows per ref (`SELECT DISTINCT` read every row
 * of the SLI table on PostgreSQL, which has no skip scan before version 18), 1,000 refs per query with a give-way
 * between queries, so a table of 100,000 entities is never one synchronous read (SQLite runs statements on the event
 * loop).
 */
export async function refsNotIn(
  knex: Knex,
  table: string,
  keep: ReadonlySet<string>,
  column = 'entity_ref',
): Promise<string[]> {
  const gone: string[] = [];
  // Every ref sorts after the empty string.
  let after = '';
  for (;;) {
    const result = await knex.raw(
      `WITH RECURSIVE refs(ref, n) AS (
         SELECT MIN(??), 1 FROM ?? WHERE ?? > ?
         UNION ALL
         SELECT (SELECT MIN(??) FROM ?? WHERE ?? > refs.ref), n + 1
         FROM refs WHERE refs.ref IS NOT NULL AND n < ?
       )
       SELECT ref FROM refs WHERE ref IS NOT NULL`,
      [column, table, column, after, column, table, column, PAGE_SIZE],
    );
    const refs = rawRows(result).map(row => String(row.ref));
    for (const ref of refs) if (!keep.has(ref)) gone.push(ref);
    if (refs.length < PAGE_SIZE) return gone;
    after = refs[refs.length - 1];
    await giveWay();
  }
}

/**
 * Deletes the rows of `table` whose `column` is not in `keep` (see {@link refsNotIn}), `refsPerDelete` refs per
 * statement (each a short index-range delete; the SLI table holds thousands of rows per ref). Returns how many rows
 * were deleted.
 */
export async function deleteRefsNotIn(
  knex: Knex,
  table: string,
  keep: ReadonlySet<string>,
  options: { column?: string; refsPerDelete: number },
): Promise<number> {
  const column = options.column ?? 'entity_ref';
  let deleted = 0;
  for (const refs of chunk(
    await refsNotIn(knex, table, keep, column),
    options.refsPerDelete,
  )) {
    deleted += await knex(table).whereIn(column, refs).delete();
  }
  return deleted;
}
