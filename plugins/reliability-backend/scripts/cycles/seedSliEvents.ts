/*
 * Fills the embedded SLI store for benchmark-cycles.ts, generated inside the database (a recursive CTE on SQLite,
 * generate_series on PostgreSQL) so tens of millions of rows take minutes, not hours: 30 days of intervals for
 * the SLIs `requests` and `latency` of every service, 1-minute intervals for the first `minuteServices` services
 * (a demo-sized set) and hourly intervals for the rest. Every 97th interval is a bad one (95 % good).
 */
import { Knex } from 'knex';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAYS = 30;
const BATCH = 100;

function isPostgres(db: Knex): boolean {
  const client = String(db.client.config.client ?? '');
  return client === 'pg' || client.startsWith('postgres');
}

async function insertSeries(
  db: Knex,
  refs: string[],
  stepMs: number,
  now: number,
): Promise<void> {
  const steps = Math.round((DAYS * 86_400_000) / stepMs);
  const first = Math.floor(now / stepMs) * stepMs - steps * stepMs;
  const pg = isPostgres(db);
  const at = (offset: string) =>
    pg
      ? `to_timestamp((CAST(? AS BIGINT) + (s.i + ${offset}) * CAST(? AS BIGINT)) / 1000.0)`
      : `(? + (s.i + ${offset}) * ?)`;
  const series = pg
    ? 'series(i) AS (SELECT generate_series(0, CAST(? AS INTEGER)))'
    : 'series(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM series WHERE i < ?)';
  const values = refs.map(() => '(?)').join(', ');
  await db.raw(
    `WITH RECURSIVE ${series}, refs(ref) AS (VALUES ${values}), slis(sli) AS (VALUES ('requests'), ('latency'))
     INSERT INTO slo_sli_events (entity_ref, sli_name, interval_start, interval_end, good, total)
     SELECT refs.ref, slis.sli, ${at('0')}, ${at('1')},
            CASE WHEN s.i % 97 = 0 THEN 950 ELSE 999 END, 1000
     FROM refs CROSS JOIN slis CROSS JOIN series s`,
    [steps - 1, ...refs, first, stepMs, first, stepMs],
  );
}

/** Writes the SLI events; returns the number of rows. */
export async function seedSliEvents(
  db: Knex,
  refs: string[],
  minuteServices: number,
  now: Date,
): Promise<number> {
  let rows = 0;
  const minute = refs.slice(0, minuteServices);
  const hourly = refs.slice(minuteServices);
  for (let k = 0; k < minute.length; k += 5) {
    const batch = minute.slice(k, k + 5);
    await insertSeries(db, batch, MINUTE, now.getTime());
    rows += batch.length * 2 * DAYS * 24 * 60;
  }
  for (let k = 0; k < hourly.length; k += BATCH) {
    const batch = hourly.slice(k, k + BATCH);
    await insertSeries(db, batch, HOUR, now.getTime());
    rows += batch.length * 2 * DAYS * 24;
  }
  return rows;
}
