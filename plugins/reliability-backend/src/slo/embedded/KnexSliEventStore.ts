import { InputError } from '@backstage/errors';
import {
  SliceRatioSums,
  sliceCountOf,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { deleteRefsNotIn } from '../../shared/refsNotIn';
import { dbCount, dbDate, dbNumber, rawRows } from '../../shared/dbValues';
import {
  describeInterval,
  intervalsOverlap,
  sameInterval,
} from './intervalOverlaps';
import { MAX_SLIS_PER_READ } from './segmentReads';
import {
  SliEventRecord,
  SliEventStore,
  SliSegmentRow,
  SliSegmentsRead,
  SliSegmentsRequest,
} from './SliEventStore';

const TABLE = 'slo_sli_events';

type DbRow = Record<string, unknown>;

/** A piece of SQL with its bindings. */
interface RawSql {
  sql: string;
  bindings: Knex.Value[];
}

/** A segment row of `readSegments` as read from the database. */
function segmentRow(row: DbRow): SliSegmentRow {
  return {
    entityRef: String(row.entity_ref),
    sliName: String(row.sli_name),
    cut: dbCount(row.cut),
    slice:
      row.slice === null || row.slice === undefined ? null : dbCount(row.slice),
    good: dbCount(row.good),
    total: dbCount(row.total),
  };
}
const INSERT_BATCH = 200;
/** Entities per age delete (their SLIs' oldest starts read in one query, then one delete of what is old). */
const AGE_DELETE_ENTITIES = 100;
/** Intervals looked up per overlap query (two bind parameters each). */
const OVERLAP_BATCH = 200;
/** Overlaps named in one error message. */
const MAX_NAMED_OVERLAPS = 5;

/**
 * SLIs per segment read on SQLite: a read of 25 SLIs' 30 days of intervals held the event loop for tens of
 * milliseconds (hundreds with 1-minute intervals), and every web request of the process waited for it
 * (docs/benchmarks.md, "Background cycles").
 */
const SQLITE_MAX_SLIS_PER_READ = 5;

/** SliEventStore on the plugin's database (SQLite or PostgreSQL). */
export class KnexSliEventStore implements SliEventStore {
  private readonly db: Knex;

  readonly maxSlisPerRead: number;

  constructor(options: {
    knex: Knex;
    /** Default: 5 on SQLite, 25 on PostgreSQL. */
    maxSlisPerRead?: number;
  }) {
    this.db = options.knex;
    this.maxSlisPerRead =
      options.maxSlisPerRead ??
      (this.isPostgres() ? MAX_SLIS_PER_READ : SQLITE_MAX_SLIS_PER_READ);
  }

  async writeEvents(
    entityRef: string,
    sliName: string,
    events: SliEventRecord[],
  ): Promise<number> {
    if (events.length === 0) return 0;
    const rows = events.map(event => ({
      entity_ref: entityRef,
      sli_name: sliName,
      interval_start: event.start,
      interval_end: event.end,
      good: event.good,
      total: event.total,
    }));
    await this.db.transaction(async tx => {
      await this.rejectStoredOverlaps(tx, entityRef, sliName, events);
      for (const batch of chunk(rows, INSERT_BATCH)) {
        await tx(TABLE)
          .insert(batch)
          .onConflict(['entity_ref', 'sli_name', 'interval_start'])
          .merge(['interval_end', 'good', 'total']);
      }
    });
    return rows.length;
  }

  /**
   * Throws InputError when an interval overlaps a stored interval of the SLI other than the same interval
   * (same start and end, which the write replaces): summing both would count events twice.
   */
  private async rejectStoredOverlaps(
    tx: Knex.Transaction,
    entityRef: string,
    sliName: string,
    events: SliEventRecord[],
  ): Promise<void> {
    const conflicts: string[] = [];
    for (const batch of chunk(events, OVERLAP_BATCH)) {
      const stored = await tx(TABLE)
        .where({ entity_ref: entityRef, sli_name: sliName })
        .where(query => {
          for (const event of batch) {
            query.orWhere(overlap =>
              overlap
                .where('interval_start', '<', event.end)
                .where('interval_end', '>', event.start),
            );
          }
        })
        .select('interval_start', 'interval_end');
      for (const row of stored) {
        const existing = {
          start: dbDate(row.interval_start),
          end: dbDate(row.interval_end),
        };
        for (const event of batch) {
          if (
            intervalsOverlap(existing, event) &&
            !sameInterval(existing, event)
          ) {
            conflicts.push(
              `${describeInterval(
                event,
              )} overlaps the stored ${describeInterval(existing)}`,
            );
          }
        }
      }
    }
    if (conflicts.length > 0) {
      const named = conflicts.slice(0, MAX_NAMED_OVERLAPS).join('; ');
      const more =
        conflicts.length > MAX_NAMED_OVERLAPS
          ? ` (and ${conflicts.length - MAX_NAMED_OVERLAPS} more)`
          : '';
      throw new InputError(
        `Invalid SLI events: intervals overlap stored intervals of SLI '${sliName}', which would count events twice: ${named}${more}. ` +
          'Resend an interval with exactly the same start and end to replace it.',
      );
    }
  }

  async sumEvents(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
  ): Promise<{ good: number; total: number }> {
    const row = await this.db(TABLE)
      .where({ entity_ref: entityRef, sli_name: sliName })
      .where('interval_start', '>=', from)
      .where('interval_start', '<', to)
      .sum({ good: 'good', total: 'total' })
      .first();
    return {
      good: dbNumber(row?.good) ?? 0,
      total: dbNumber(row?.total) ?? 0,
    };
  }

  async countSlices(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
    sliceSeconds: number,
    timeSliceTarget: number,
  ): Promise<{ goodSlices: number; totalSlices: number }> {
    const totalSlices = sliceCountOf(from, to, sliceSeconds);
    if (totalSlices === 0) return { goodSlices: 0, totalSlices: 0 };
    // Both operands as doubles: correctly rounded, so a ratio exactly at the target counts as good.
    const ratioBelow = this.isPostgres()
      ? 'CAST(good AS DOUBLE PRECISION) / CAST(total AS DOUBLE PRECISION) < CAST(? AS DOUBLE PRECISION)'
      : 'CAST(good AS REAL) / total < ?';
    const row = await this.db
      .from(this.perSlice(entityRef, sliName, from, to, sliceSeconds).as('s'))
      .where('total', '>', 0)
      .whereRaw(ratioBelow, [timeSliceTarget])
      .count({ bad: '*' })
      .first();
    const bad = Math.min(dbNumber(row?.bad) ?? 0, totalSlices);
    return { goodSlices: totalSlices - bad, totalSlices };
  }

  async sumSliceRatios(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
    sliceSeconds: number,
  ): Promise<SliceRatioSums> {
    if (sliceCountOf(from, to, sliceSeconds) === 0) {
      return { ratioSum: 0, slicesWithData: 0 };
    }
    const ratio = this.isPostgres()
      ? 'CAST(good AS DOUBLE PRECISION) / CAST(total AS DOUBLE PRECISION)'
      : 'CAST(good AS REAL) / total';
    const row = await this.db
      .from(this.perSlice(entityRef, sliName, from, to, sliceSeconds).as('s'))
      .where('total', '>', 0)
      .select(
        this.db.raw(`SUM(${ratio}) AS ratio_sum`),
        this.db.raw('COUNT(*) AS slices'),
      )
      .first();
    return {
      ratioSum: dbNumber(row?.ratio_sum) ?? 0,
      slicesWithData: dbNumber(row?.slices) ?? 0,
    };
  }

  /** Summed good/total per slice of [from, to) (slices aligned on `from`; an interval in the slice of its start). */
  private perSlice(
    entityRef: string,
    sliName: string,
    from: Date,
    to: Date,
    sliceSeconds: number,
  ) {
    // Slice index of an interval: whole slices between `from` and the interval's start.
    const sliceOf = this.isPostgres()
      ? 'FLOOR((EXTRACT(EPOCH FROM interval_start) * 1000 - ?) / ?)'
      : 'CAST((interval_start - ?) / ? AS INTEGER)';
    return this.db(TABLE)
      .where({ entity_ref: entityRef, sli_name: sliName })
      .where('interval_start', '>=', from)
      .where('interval_start', '<', to)
      .select(
        this.db.raw(`${sliceOf} AS slice`, [
          from.getTime(),
          sliceSeconds * 1000,
        ]),
      )
      .sum({ good: 'good', total: 'total' })
      .groupBy('slice');
  }

  async readSegments(request: SliSegmentsRequest): Promise<SliSegmentsRead> {
    const { slis, cuts, sliceSeconds } = request;
    if (slis.length === 0 || cuts.length < 2) {
      return { segments: [], ranges: [] };
    }
    const postgres = this.isPostgres();
    // SQLite stores timestamps as epoch milliseconds.
    const at = (date: Date) => (postgres ? date : date.getTime());
    // Segment number: how many inner cut points the interval starts at or after.
    const inner = cuts.slice(1, -1);
    const cut =
      inner.length === 0
        ? '0'
        : inner
            .map(() => 'CASE WHEN e.interval_start >= ? THEN 1 ELSE 0 END')
            .join(' + ');
    const slice = postgres
      ? // date_part is double precision (EXTRACT is numeric, slower per row).
        "FLOOR(date_part('epoch', e.interval_start) * 1000 / ?)"
      : 'CAST(e.interval_start / ? AS INTEGER)';
    const grid = sliceSeconds !== undefined;
    // The SLIs as a joined list of keys: each is read with an index-only scan of the covering index
    // (slo_sli_events_read_idx on SQLite, slo_sli_events_unique_read_idx on PostgreSQL) instead of a bitmap of
    // scattered table pages.
    const keys = {
      sql: `k(entity_ref, sli_name) AS (VALUES ${slis
        .map(() => '(?, ?)')
        .join(', ')})`,
      bindings: slis.flatMap(s => [s.entityRef, s.sliName]),
    };
    const segments = {
      sql: `SELECT e.entity_ref AS entity_ref, e.sli_name AS sli_name, (${cut}) AS cut${
        grid ? `, ${slice} AS slice` : ''
      }, SUM(e.good) AS good, SUM(e.total) AS total
        FROM k JOIN ${TABLE} e ON e.entity_ref = k.entity_ref AND e.sli_name = k.sli_name
        WHERE e.interval_start >= ? AND e.interval_start < ?
        GROUP BY ${grid ? '1, 2, 3, 4' : '1, 2, 3'}`,
      bindings: [
        ...inner.map(at),
        ...(grid ? [sliceSeconds * 1000] : []),
        at(cuts[0]),
        at(cuts[cuts.length - 1]),
      ],
    };
    if (!grid) {
      const rows = rawRows(
        await this.db.raw(`WITH ${keys.sql} ${segments.sql}`, [
          ...keys.bindings,
          ...segments.bindings,
        ]),
      );
      return { segments: rows.map(segmentRow), ranges: [] };
    }
    return this.readSliceRanges(keys, segments, request, sliceSeconds * 1000);
  }

  /**
   * Grid reads: the segments of edge slices (those a cut point lies inside) as they are, and every other slice,
   * which lies wholly in one cut range, summed up per cut range with its ratio and Timeslices verdicts.
   */
  private async readSliceRanges(
    keys: RawSql,
    segments: RawSql,
    request: SliSegmentsRequest,
    sliceMs: number,
  ): Promise<SliSegmentsRead> {
    const targets = request.timeSliceTargets ?? [];
    const edges = [
      ...new Set(
        request.cuts
          .map(c => c.getTime())
          .filter(t => t % sliceMs !== 0)
          .map(t => Math.floor(t / sliceMs)),
      ),
    ];
    const postgres = this.isPostgres();
    const ratio = postgres
      ? 'CAST(good AS DOUBLE PRECISION) / CAST(total AS DOUBLE PRECISION)'
      : 'CAST(good AS REAL) / total';
    const below = postgres ? '< CAST(? AS DOUBLE PRECISION)' : '< ?';
    const edgeList = edges.map(() => '?').join(', ');
    const isEdge = edges.length > 0 ? `slice IN (${edgeList})` : '1 = 0';
    const result = await this.db.raw(
      `WITH ${keys.sql}, seg AS (${segments.sql})
         SELECT 'segment' AS kind, entity_ref, sli_name, cut, slice, good, total,
                0 AS ratio_sum, 0 AS slices${targets
                  .map((_, i) => `, 0 AS bad_${i}`)
                  .join('')}
           FROM seg WHERE ${isEdge}
         UNION ALL
         SELECT 'range' AS kind, entity_ref, sli_name, cut, NULL AS slice, SUM(good) AS good, SUM(total) AS total,
                SUM(CASE WHEN total > 0 THEN ${ratio} ELSE 0 END) AS ratio_sum,
                SUM(CASE WHEN total > 0 THEN 1 ELSE 0 END) AS slices${targets
                  .map(
                    (_, i) =>
                      `, SUM(CASE WHEN total > 0 AND ${ratio} ${below} THEN 1 ELSE 0 END) AS bad_${i}`,
                  )
                  .join('')}
           FROM seg WHERE NOT (${isEdge})
          GROUP BY entity_ref, sli_name, cut`,
      [...keys.bindings, ...segments.bindings, ...edges, ...targets, ...edges],
    );
    const rows = rawRows(result);
    return {
      segments: rows.filter(r => r.kind === 'segment').map(segmentRow),
      ranges: rows
        .filter(r => r.kind === 'range')
        .map(r => ({
          entityRef: String(r.entity_ref),
          sliName: String(r.sli_name),
          cut: dbCount(r.cut),
          good: dbCount(r.good),
          total: dbCount(r.total),
          ratioSum: dbNumber(r.ratio_sum) ?? 0,
          slicesWithData: dbCount(r.slices),
          badSlices: targets.map((_, i) => dbCount(r[`bad_${i}`])),
        })),
    };
  }

  private isPostgres(): boolean {
    const client = String(this.db.client.config.client ?? '');
    return client === 'pg' || client.startsWith('postgres');
  }

  async getExtent(
    entityRef: string,
    sliName: string,
  ): Promise<{ firstStart: Date; lastEnd: Date } | undefined> {
    const row = await this.db(TABLE)
      .where({ entity_ref: entityRef, sli_name: sliName })
      .min({ firstStart: 'interval_start' })
      .max({ lastEnd: 'interval_end' })
      .first();
    if (!row || row.firstStart === null || row.firstStart === undefined) {
      return undefined;
    }
    return { firstStart: dbDate(row.firstStart), lastEnd: dbDate(row.lastEnd) };
  }

  async deleteOlderThan(before: Date, entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const refs of chunk(entityRefs, AGE_DELETE_ENTITIES)) {
      const aged = (await this.oldestStarts(refs)).filter(
        pair => pair.oldestStart < before,
      );
      if (aged.length === 0) continue;
      deleted += await this.db(TABLE)
        // Each (entity, SLI) range of the read index from its start up to the cutoff: only old entries are visited.
        .where(outer => {
          for (const pair of aged) {
            outer.orWhere(q =>
              q
                .where({ entity_ref: pair.entityRef, sli_name: pair.sliName })
                .where('interval_start', '<', before),
            );
          }
        })
        .where('interval_end', '<', before)
        .delete();
    }
    return deleted;
  }

  /**
   * The SLIs stored for these entities, each with its oldest interval start: a loose index scan over the read index
   * (entity_ref, sli_name, interval_start), a few index probes per entity whatever the number of intervals. Deleting
   * by entity with a start cutoff visited every index entry of the entity (the statement names no SLI), so every SLO
   * run read the whole index: its age deletes then waited for the disk at 100,000 services.
   */
  private async oldestStarts(
    entityRefs: string[],
  ): Promise<Array<{ entityRef: string; sliName: string; oldestStart: Date }>> {
    const result = await this.db.raw(
      `WITH RECURSIVE refs(ref) AS (VALUES ${entityRefs
        .map(() => '(?)')
        .join(', ')}),
       pairs(entity_ref, sli_name) AS (
         SELECT ref, (SELECT MIN(sli_name) FROM ${TABLE} WHERE entity_ref = refs.ref) FROM refs
         UNION ALL
         SELECT pairs.entity_ref,
                (SELECT MIN(sli_name) FROM ${TABLE} e WHERE e.entity_ref = pairs.entity_ref AND e.sli_name > pairs.sli_name)
         FROM pairs WHERE pairs.sli_name IS NOT NULL
       )
       SELECT entity_ref, sli_name,
              (SELECT MIN(interval_start) FROM ${TABLE} e
               WHERE e.entity_ref = pairs.entity_ref AND e.sli_name = pairs.sli_name) AS oldest_start
       FROM pairs WHERE sli_name IS NOT NULL`,
      entityRefs,
    );
    return rawRows(result).map(row => ({
      entityRef: String(row.entity_ref),
      sliName: String(row.sli_name),
      oldestStart: dbDate(row.oldest_start),
    }));
  }

  async deleteEntitiesNotIn(keepEntityRefs: Set<string>): Promise<number> {
    return deleteRefsNotIn(this.db, TABLE, keepEntityRefs, {
      refsPerDelete: 500,
    });
  }
}
