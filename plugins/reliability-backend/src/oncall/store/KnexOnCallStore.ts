import {
  OnCallPerson,
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbDate } from '../../shared/dbValues';
import { personKey } from '../people';
import { LatestOnCall, OnCallStore, StoredShift } from './OnCallStore';

/** Rows per statement when a list of refs is bound as parameters (SQLite caps bound variables). */
const CHUNK = 500;

function parseJson<T>(value: string | null): T | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

type LatestRow = {
  entity_ref: string;
  provider: string;
  snapshot: string | null;
  snapshot_at: Date | string | number | null;
  error: string | null;
  updated_at: Date | string | number;
};

type ShiftRow = {
  id: number;
  entity_ref: string;
  person_key: string;
  person: string;
  level: number;
  start_at: Date | string | number;
  end_at: Date | string | number;
  time_zone: string | null;
};

function fromLatestRow(row: LatestRow): LatestOnCall {
  return {
    entityRef: row.entity_ref,
    provider: row.provider,
    snapshot: parseJson<OnCallSnapshot>(row.snapshot),
    snapshotAt: row.snapshot_at === null ? null : dbDate(row.snapshot_at),
    error: row.error,
    updatedAt: dbDate(row.updated_at),
  };
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
      const rows: LatestRow[] = await this.db('oncall_latest').whereIn(
        'entity_ref',
        batch,
      );
      for (const row of rows) result.set(row.entity_ref, fromLatestRow(row));
    }
    return result;
  }

  async listLatestEntityRefs(): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db(
      'oncall_latest',
    ).select('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async saveSnapshot(
    entityRef: string,
    snapshot: OnCallSnapshot,
    at: Date,
  ): Promise<void> {
    await this.db('oncall_latest')
      .insert({
        entity_ref: entityRef,
        provider: snapshot.provider,
        snapshot: JSON.stringify(snapshot),
        snapshot_at: at,
        error: null,
        updated_at: at,
      })
      .onConflict('entity_ref')
      .merge(['provider', 'snapshot', 'snapshot_at', 'error', 'updated_at']);
  }

  async saveError(
    entityRef: string,
    provider: string,
    error: string,
    at: Date,
  ): Promise<void> {
    await this.db('oncall_latest')
      .insert({
        entity_ref: entityRef,
        provider,
        snapshot: null,
        snapshot_at: null,
        error: error.slice(0, 4000),
        updated_at: at,
      })
      .onConflict('entity_ref')
      .merge(['provider', 'error', 'updated_at']);
  }

  async deleteLatest(entityRefs: string[]): Promise<void> {
    for (const batch of chunk(entityRefs, CHUNK)) {
      await this.db('oncall_latest').whereIn('entity_ref', batch).delete();
    }
  }

  async recordShifts(
    entityRef: string,
    shifts: OnCallShift[],
    now: Date,
    options: { current?: boolean } = {},
  ): Promise<void> {
    const started = shifts.filter(shift => new Date(shift.start) <= now);
    const rows = started.map(shift => ({
      entity_ref: entityRef,
      person_key: personKey(shift.person),
      person: JSON.stringify(shift.person),
      level: shift.escalationLevel,
      start_at: new Date(shift.start),
      // A shift whose end the provider does not know is recorded as lasting until now; every refresh that
      // still reports it moves its end forward, and the first one that does not closes it.
      end_at: shift.end === null ? now : new Date(shift.end),
      time_zone: shift.timeZone ?? null,
    }));
    await this.db.transaction(async tx => {
      for (const batch of chunk(rows, 100)) {
        await tx('oncall_shifts')
          .insert(batch)
          .onConflict(['entity_ref', 'person_key', 'level', 'start_at'])
          .merge(['person', 'end_at', 'time_zone']);
      }
      if (!options.current) return;
      const reported = new Set(
        rows.map(r => `${r.person_key}|${r.level}|${r.start_at.getTime()}`),
      );
      const open: ShiftRow[] = await tx('oncall_shifts')
        .where('entity_ref', entityRef)
        .where('end_at', '>', now);
      const ended = open
        .filter(
          row =>
            !reported.has(
              `${row.person_key}|${row.level}|${dbDate(
                row.start_at,
              ).getTime()}`,
            ),
        )
        .map(row => row.id);
      for (const batch of chunk(ended, CHUNK)) {
        await tx('oncall_shifts').whereIn('id', batch).update({ end_at: now });
      }
    });
  }

  async hasFinishedShifts(entityRef: string, now: Date): Promise<boolean> {
    const row = await this.db('oncall_shifts')
      .where('entity_ref', entityRef)
      .where('end_at', '<=', now)
      .first('id');
    return Boolean(row);
  }

  async getShifts(
    entityRefs: string[],
    from: Date,
    to: Date,
  ): Promise<StoredShift[]> {
    const result: StoredShift[] = [];
    for (const batch of chunk([...new Set(entityRefs)], 5000)) {
      const rows: ShiftRow[] = await this.db('oncall_shifts')
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
    let deleted = await this.db('oncall_shifts')
      .where('end_at', '<', cutoff)
      .delete();
    const keep = new Set(keepEntityRefs);
    const refs: Array<{ entity_ref: string }> = await this.db(
      'oncall_shifts',
    ).distinct('entity_ref');
    const gone = refs.map(r => r.entity_ref).filter(ref => !keep.has(ref));
    for (const batch of chunk(gone, CHUNK)) {
      deleted += await this.db('oncall_shifts')
        .whereIn('entity_ref', batch)
        .delete();
    }
    return deleted;
  }
}
