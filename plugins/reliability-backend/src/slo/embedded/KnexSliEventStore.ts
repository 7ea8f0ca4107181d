import { sliceCountOf } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk, dbDate, dbNumber } from '../dbValues';
import { SliEventRecord, SliEventStore } from './SliEventStore';

const TABLE = 'slo_sli_events';
const INSERT_BATCH = 200;

/** SliEventStore on the plugin's database (SQLite or PostgreSQL). */
export class KnexSliEventStore implements SliEventStore {
  constructor(private readonly db: Knex) {}

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
      for (const batch of chunk(rows, INSERT_BATCH)) {
        await tx(TABLE)
          .insert(batch)
          .onConflict(['entity_ref', 'sli_name', 'interval_start'])
          .merge(['interval_end', 'good', 'total']);
      }
    });
    return rows.length;
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
    const postgres = this.isPostgres();
    // Slice index of an interval: whole slices between `from` and the interval's start.
    const sliceOf = postgres
      ? 'FLOOR((EXTRACT(EPOCH FROM interval_start) * 1000 - ?) / ?)'
      : 'CAST((interval_start - ?) / ? AS INTEGER)';
    const perSlice = this.db(TABLE)
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
    // Both operands as doubles: correctly rounded, so a ratio exactly at the target counts as good.
    const ratioBelow = postgres
      ? 'CAST(good AS DOUBLE PRECISION) / CAST(total AS DOUBLE PRECISION) < CAST(? AS DOUBLE PRECISION)'
      : 'CAST(good AS REAL) / total < ?';
    const row = await this.db
      .from(perSlice.as('s'))
      .where('total', '>', 0)
      .whereRaw(ratioBelow, [timeSliceTarget])
      .count({ bad: '*' })
      .first();
    const bad = Math.min(dbNumber(row?.bad) ?? 0, totalSlices);
    return { goodSlices: totalSlices - bad, totalSlices };
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

  async deleteOlderThan(before: Date): Promise<number> {
    return this.db(TABLE).where('interval_end', '<', before).delete();
  }

  async deleteEntitiesNotIn(keepEntityRefs: Set<string>): Promise<number> {
    const stored: string[] = (await this.db(TABLE).distinct('entity_ref')).map(
      (row: { entity_ref: string }) => row.entity_ref,
    );
    const gone = stored.filter(ref => !keepEntityRefs.has(ref));
    let deleted = 0;
    for (const refs of chunk(gone, 500)) {
      deleted += await this.db(TABLE).whereIn('entity_ref', refs).delete();
    }
    return deleted;
  }
}
