/*
 * What benchmark-cycles.ts measures around one background cycle: wall time, database queries (knex 'query'
 * events) of the reliability plugin's and the catalog's database clients, and the peak RSS of the process.
 */
import { Knex } from 'knex';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

type QueryEvent = { sql?: string; __knexQueryUid?: string };

const shapeOf = (sql: string | undefined) =>
  String(sql ?? '')
    .replace(/\$\d+/g, '?')
    .replace(/\?(\s*,\s*\?)+/g, '?, ...')
    .replace(/\s+/g, ' ')
    .slice(0, 120);

/**
 * Counts the queries a Knex client sends, from the moment it is attached, and by shape (SQL without values)
 * with the time spent in each shape (from 'query' to 'query-response' or 'query-error').
 */
export class QueryCounter {
  private count = 0;
  private shapes = new Map<string, { n: number; ms: number; maxMs: number }>();
  private started = new Map<string, { shape: string; at: bigint }>();

  constructor(db: Knex) {
    db.on('query', (query: QueryEvent) => {
      this.count += 1;
      const shape = shapeOf(query.sql);
      const entry = this.shapes.get(shape) ?? { n: 0, ms: 0, maxMs: 0 };
      entry.n += 1;
      this.shapes.set(shape, entry);
      if (query.__knexQueryUid) {
        this.started.set(query.__knexQueryUid, {
          shape,
          at: process.hrtime.bigint(),
        });
      }
    });
    const done = (_a: unknown, query: QueryEvent) => {
      const uid = query?.__knexQueryUid;
      const start = uid ? this.started.get(uid) : undefined;
      if (!uid || !start) return;
      this.started.delete(uid);
      const entry = this.shapes.get(start.shape);
      if (!entry) return;
      const ms = Number(process.hrtime.bigint() - start.at) / 1e6;
      entry.ms += ms;
      entry.maxMs = Math.max(entry.maxMs, ms);
    };
    db.on('query-response', done);
    db.on('query-error', done);
  }

  get value(): number {
    return this.count;
  }

  /**
   * The query shapes taking the most time since the last call and the time of all queries (and forgets them).
   * Times run from sending to the answer, so they include waiting for a pooled connection.
   */
  takeShapes(n: number): {
    top: Array<{ shape: string; n: number; ms: number; maxMs: number }>;
    totalMs: number;
  } {
    const all = [...this.shapes.entries()]
      .map(([shape, entry]) => ({ shape, ...entry }))
      .sort((a, b) => b.ms - a.ms);
    this.shapes = new Map();
    return {
      top: all.slice(0, n),
      totalMs: all.reduce((sum, entry) => sum + entry.ms, 0),
    };
  }
}

/** The highest RSS seen while `fn` runs (sampled every 100 ms), with the result and the wall time. */
export async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; peakRssBytes: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  const start = process.hrtime.bigint();
  try {
    const value = await fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms, peakRssBytes: peak };
  } finally {
    clearInterval(sampler);
  }
}

/** Size of the plugin's database: the SQLite file(s) of the plugin, or pg_database_size on PostgreSQL. */
export async function databaseBytes(
  db: Knex,
  sqliteDirectory: string | undefined,
  pluginId: string,
): Promise<number> {
  if (sqliteDirectory) {
    return readdirSync(sqliteDirectory)
      .filter(file => file.startsWith(pluginId))
      .reduce(
        (sum, file) => sum + statSync(join(sqliteDirectory, file)).size,
        0,
      );
  }
  const result = await db.raw(
    'SELECT pg_database_size(current_database()) AS bytes',
  );
  return Number(result.rows[0].bytes);
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
