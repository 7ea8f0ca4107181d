import {
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { dbDate, dbDateOrNull } from '../../shared/dbValues';
import { personKey } from '../people';
import { LatestOnCall } from './OnCallStore';

/** Rows of `oncall_latest` and `oncall_shifts` as the store writes and reads them. */

export const LATEST = 'oncall_latest';
export const SHIFTS = 'oncall_shifts';

/** Columns a stored snapshot sets; a failure sets fewer, so the row keeps its last good snapshot. */
export const SNAPSHOT_COLUMNS = [
  'provider',
  'snapshot',
  'snapshot_at',
  'error',
  'updated_at',
];
export const ERROR_COLUMNS = ['provider', 'error', 'updated_at'];

/** The unique key of a shift, and the columns a later report of the shift updates. */
export const SHIFT_IDENTITY = ['entity_ref', 'person_key', 'level', 'start_at'];
export const SHIFT_UPDATED_COLUMNS = ['person', 'end_at', 'time_zone'];

export type LatestRow = {
  entity_ref: string;
  provider: string;
  snapshot: string | null;
  snapshot_at: Date | string | number | null;
  error: string | null;
  updated_at: Date | string | number;
};

export type ShiftRow = {
  id: number;
  entity_ref: string;
  person_key: string;
  person: string;
  level: number;
  start_at: Date | string | number;
  end_at: Date | string | number;
  time_zone: string | null;
};

/** A shift row to insert or update (by its identity). */
export type NewShiftRow = Omit<ShiftRow, 'id' | 'start_at' | 'end_at'> & {
  start_at: Date;
  end_at: Date;
};

export function parseJson<T>(value: string | null): T | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

export function fromLatestRow(row: LatestRow): LatestOnCall {
  return {
    entityRef: row.entity_ref,
    provider: row.provider,
    snapshot: parseJson<OnCallSnapshot>(row.snapshot),
    snapshotAt: dbDateOrNull(row.snapshot_at),
    error: row.error,
    updatedAt: dbDate(row.updated_at),
  };
}

export function snapshotRow(
  entityRef: string,
  snapshot: OnCallSnapshot,
  at: Date,
): LatestRow {
  return {
    entity_ref: entityRef,
    provider: snapshot.provider,
    snapshot: JSON.stringify(snapshot),
    snapshot_at: at,
    error: null,
    updated_at: at,
  };
}

/** A failure; merged with ERROR_COLUMNS, so an existing row keeps its snapshot. */
export function errorRow(
  entityRef: string,
  provider: string,
  error: string,
  at: Date,
): LatestRow {
  return {
    entity_ref: entityRef,
    provider,
    snapshot: null,
    snapshot_at: null,
    error: error.slice(0, 4000),
    updated_at: at,
  };
}

/** Rows of the shifts that have started by `now`. */
export function startedShiftRows(
  entityRef: string,
  shifts: OnCallShift[],
  now: Date,
): NewShiftRow[] {
  return shifts
    .filter(shift => new Date(shift.start) <= now)
    .map(shift => ({
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
}

/** The identity of a shift row, read or to write (SQLite reads timestamps back as numbers). */
export function shiftIdentity(
  row: Pick<ShiftRow, 'entity_ref' | 'person_key' | 'level' | 'start_at'>,
): string {
  return `${row.entity_ref}|${row.person_key}|${row.level}|${dbDate(
    row.start_at,
  ).getTime()}`;
}

/** The rows with distinct keys, the last of each key kept: one statement must not upsert a row twice. */
export function lastPerKey<T>(rows: T[], keyOf: (row: T) => string): T[] {
  return [...new Map(rows.map(row => [keyOf(row), row])).values()];
}
