import { Knex } from 'knex';
import { dbDate, dbNumber, dbTextOrNull } from '../../shared/dbValues';
import {
  TaskRecord,
  TaskRunEnd,
  TaskRunStore,
  TaskSchedule,
} from './TaskRunStore';

const TABLE = 'background_task_runs';

/** Longest failure message kept (a provider's error can carry a whole response body). */
export const MAX_ERROR_LENGTH = 1000;

type Row = Record<string, unknown>;

const OUTCOMES = new Set(['running', 'succeeded', 'failed']);

function recordOf(row: Row): TaskRecord {
  const record: TaskRecord = {
    taskId: String(row.task_id),
    cadence: String(row.cadence),
    registeredAt: dbDate(row.registered_at),
  };
  const timeout = dbTextOrNull(row.timeout);
  if (timeout) record.timeout = timeout;
  const initialDelay = dbTextOrNull(row.initial_delay);
  if (initialDelay) record.initialDelay = initialDelay;
  const outcome = dbTextOrNull(row.last_outcome);
  if (row.last_started_at !== null && outcome && OUTCOMES.has(outcome)) {
    const endedAt =
      row.last_ended_at === null ? undefined : dbDate(row.last_ended_at);
    record.lastRun = {
      startedAt: dbDate(row.last_started_at),
      ...(endedAt && { endedAt }),
      outcome: outcome as 'running' | 'succeeded' | 'failed',
      ...(row.last_error !== null && { error: String(row.last_error) }),
      ...(row.last_runner !== null && { runner: String(row.last_runner) }),
    };
  }
  const durationMs = dbNumber(row.last_success_duration_ms);
  if (row.last_succeeded_at !== null && durationMs !== null) {
    record.lastSuccess = {
      endedAt: dbDate(row.last_succeeded_at),
      durationMs,
    };
  }
  return record;
}

/** {@link TaskRunStore} on the plugin's database (SQLite or PostgreSQL): one row per task. */
export class KnexTaskRunStore implements TaskRunStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async registered(
    taskId: string,
    schedule: TaskSchedule,
    at: Date,
  ): Promise<void> {
    await this.knex(TABLE)
      .insert({
        task_id: taskId,
        cadence: schedule.cadence,
        timeout: schedule.timeout ?? null,
        initial_delay: schedule.initialDelay ?? null,
        registered_at: at,
      })
      .onConflict('task_id')
      .merge(['cadence', 'timeout', 'initial_delay', 'registered_at']);
  }

  async started(taskId: string, at: Date, runner: string): Promise<void> {
    await this.knex(TABLE)
      .where({ task_id: taskId })
      .update({
        last_started_at: at,
        last_ended_at: null,
        last_outcome: 'running',
        last_error: null,
        last_runner: runner.slice(0, 256),
      });
  }

  async ended(taskId: string, startedAt: Date, end: TaskRunEnd): Promise<void> {
    const update =
      end.outcome === 'succeeded'
        ? {
            last_ended_at: end.endedAt,
            last_outcome: 'succeeded',
            last_error: null,
            last_succeeded_at: end.endedAt,
            last_success_duration_ms: Math.round(end.durationMs),
          }
        : {
            last_ended_at: end.endedAt,
            last_outcome: 'failed',
            last_error: end.error.slice(0, MAX_ERROR_LENGTH),
          };
    await this.knex(TABLE)
      .where({ task_id: taskId, last_started_at: startedAt })
      .update(update);
  }

  async list(): Promise<TaskRecord[]> {
    const rows: Row[] = await this.knex(TABLE).select().orderBy('task_id');
    return rows.map(recordOf);
  }

  async deleteUnusedSince(before: Date): Promise<number> {
    return this.knex(TABLE)
      .where('registered_at', '<', before)
      .andWhere(q =>
        q.whereNull('last_started_at').orWhere('last_started_at', '<', before),
      )
      .delete();
  }
}
