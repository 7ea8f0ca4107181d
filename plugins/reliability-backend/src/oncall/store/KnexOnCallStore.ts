import {
  OnCallPerson,
  OnCallShift,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { refsNotIn } from '../../shared/refsNotIn';
import { chunkRows } from '../../shared/bindParameters';
import { chunk } from '../../shared/chunk';
import { dbDate } from '../../shared/dbValues';
import {
  errorRow,
  ERROR_COLUMNS,
  fromLatestRow,
  LATEST,
  LatestRow,
  lastPerKey,
  NewShiftRow,
  parseJson,
  SHIFT_IDENTITY,
  SHIFT_UPDATED_COLUMNS,
  shiftIdentity,
  ShiftRow,
  SHIFTS,
  SNAPSHOT_COLUMNS,
  snapshotRow,
  startedShiftRows,
} from './onCallRows';
import {
  LatestOnCall,
  OnCallRefresh,
  OnCallStore,
  ShiftHistory,
  StoredShift,
} from './OnCallStore';

/** Rows per statement when a list of refs is bound as parameters (SQLite caps bound variables). */
const CHUNK = 500;

/** The shifts in progress of an entity, as reported at `at`. */
interface CurrentShifts {
  entityRef: string;
  shifts: OnCallShift[];
  at: Date;
}

async function upsertLatest(
  db: Knex,
  rows: LatestRow[],
  columns: string[],
): Promise<void> {
  const unique = lastPerKey(rows, row => row.entity_ref);
  for (const batch of chunkRows(unique)) {
    await db(LATEST).insert(batch).onConflict('entity_ref').merge(columns);
  }
}

async function upsertShifts(db: Knex, rows: NewShiftRow[]): Promise<void> {
  for (const batch of chunkRows(lastPerKey(rows, shiftIdentity))) {
    await db(SHIFTS)
      .insert(batch)
      .onConflict(SHIFT_IDENTITY)
      .merge(SHIFT_UPDATED_COLUMNS);
  }
}

/**
 * The open shifts (ending after the entity's `at`) that the entities no longer report, closed at their `at`
 * (someone else took over early): one read for all entities.
 */
async function closedShiftRows(
  tx: Knex.Transaction,
  current: CurrentShifts[],
  reported: Set<string>,
): Promise<NewShiftRow[]> {
  const atOf = new Map(current.map(c => [c.entityRef, c.at]));
  const since = new Date(Math.min(...current.map(c => c.at.getTime())));
  const open: ShiftRow[] = [];
  for (const refs of chunk([...atOf.keys()], CHUNK)) {
    open.push(
      ...(await tx(SHIFTS)
        .whereIn('entity_ref', refs)
        .where('end_at', '>', since)),
    );
  }
  return open.flatMap(row => {
    const at = atOf.get(row.entity_ref)!;
    if (dbDate(row.end_at) <= at || reported.has(shiftIdentity(row))) {
      return [];
    }
    const { id, ...rest } = row;
    return [{ ...rest, start_at: dbDate(row.start_at), end_at: at }];
  });
}

/**
 * Records the shifts in progress of entities: inserts or updates those that have started, and closes their
 * open shifts no longer reported; one read and chunked upserts whatever the number of entities.
 */
async function recordCurrentShifts(
  tx: Knex.Transaction,
  current: CurrentShifts[],
): Promise<void> {
  if (current.length === 0) return;
  const started = current.flatMap(c =>
    startedShiftRows(c.entityRef, c.shifts, c.at),
  );
  // Read before the upsert: the started shifts are reported, so they are never among the closed ones.
  const closed = await closedShiftRows(
    tx,
    current,
    new Set(started.map(shiftIdentity)),
  );
  await upsertShifts(tx, [...started, ...closed]);
}

/** Knex implementation of the on-call store (SQLite and PostgreSQL). */
export class KnexOnCallStore implements OnCallStore {
  private readonly db: Knex;

  constructor(options: { knex: Knex }) {
    this.db = options.knex;
  }

  async getLatest(entityRefs: string[]): Promise<Map<string, LatestOnCall>> {
    const result = new Map<string, LatestOnCall>();
    const unique = [...new Set(entityRefs)];
    if (unique.length === 0) return result;
    // One query for any realistic number of entities; chunks only beyond the bound-parameter limits.
    for (const batch of chunk(unique, 5000)) {
      const rows: LatestRow[] = await this.db(LATEST).whereIn(
        'entity_ref',
        batch,
      );
      for (const row of rows) result.set(row.entity_ref, fromLatestRow(row));
    }
    return result;
  }

  async listLatestEntityRefsNotIn(
    keep: ReadonlySet<string>,
  ): Promise<string[]> {
    return refsNotIn(this.db, LATEST, keep);
  }

  async saveRefreshes(refreshes: OnCallRefresh[]): Promise<void> {
    if (refreshes.length === 0) return;
    const snapshots: CurrentShifts[] = [];
    const snapshotRows: LatestRow[] = [];
    const errorRows: LatestRow[] = [];
    for (const refresh of refreshes) {
      if ('snapshot' in refresh) {
        const { entityRef, snapshot, at } = refresh;
        snapshotRows.push(snapshotRow(entityRef, snapshot, at));
        snapshots.push({ entityRef, shifts: snapshot.current, at });
      } else {
        const { entityRef, provider, error, at } = refresh;
        errorRows.push(errorRow(entityRef, provider, error, at));
      }
    }
    await this.db.transaction(async tx => {
      await upsertLatest(tx, snapshotRows, SNAPSHOT_COLUMNS);
      await upsertLatest(tx, errorRows, ERROR_COLUMNS);
      await recordCurrentShifts(tx, snapshots);
    });
  }

  async deleteLatest(entityRefs: string[]): Promise<void> {
    for (const batch of chunk(entityRefs, CHUNK)) {
      await this.db(LATEST).whereIn('entity_ref', batch).delete();
    }
  }

  async recordShiftHistory(history: ShiftHistory[], now: Date): Promise<void> {
    const rows = history.flatMap(({ entityRef, shifts }) =>
      startedShiftRows(entityRef, shifts, now),
    );
    if (rows.length === 0) return;
    await this.db.transaction(tx => upsertShifts(tx, rows));
  }

  async refsWithFinishedShifts(
    entityRefs: string[],
    now: Date,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const refs of chunk([...new Set(entityRefs)], CHUNK)) {
      const rows: Array<{ entity_ref: string }> = await this.db(SHIFTS)
        .whereIn('entity_ref', refs)
        .where('end_at', '<=', now)
        .distinct('entity_ref');
      for (const row of rows) found.add(row.entity_ref);
    }
    return found;
  }

  async getShifts(
    entityRefs: string[],
    from: Date,
    to: Date,
  ): Promise<StoredShift[]> {
    const result: StoredShift[] = [];
    for (const batch of chunk([...new Set(entityRefs)], 5000)) {
      const rows: ShiftRow[] = await this.db(SHIFTS)
        .whereIn('entity_ref', batch)
        .where('end_at', '>', from)
        .where('start_at', '<', to)
        .orderBy('start_at');
      for (const row of rows) {
        const person = parseJson<OnCallPerson>(row.person);
        if (!person) continue;
        result.push({
          entityRef: row.entity_ref,
          person,
          personKey: row.person_key,
          level: row.level,
          start: dbDate(row.start_at),
          end: dbDate(row.end_at),
          timeZone: row.time_zone,
        });
      }
    }
    return result;
  }

  async pruneShifts(cutoff: Date, keepEntityRefs: string[]): Promise<number> {
    let deleted = await this.db(SHIFTS).where('end_at', '<', cutoff).delete();
    const keep = new Set(keepEntityRefs);
    const refs: Array<{ entity_ref: string }> = await this.db(SHIFTS).distinct(
      'entity_ref',
    );
    const gone = refs.map(r => r.entity_ref).filter(ref => !keep.has(ref));
    for (const batch of chunk(gone, CHUNK)) {
      deleted += await this.db(SHIFTS).whereIn('entity_ref', batch).delete();
    }
    return deleted;
  }
}
