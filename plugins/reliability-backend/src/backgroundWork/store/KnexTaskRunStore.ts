import { Knex } from 'knex';
import { dbDate, dbNumber, dbTextOrNull } from '../../shared/dbValues';
import {
  ReplicaLabel,
  TaskCopy,
  TaskRecord,
  TaskRunEnd,
  TaskRunRequest,
  TaskRunStore,
  TaskSchedule,
} from './TaskRunStore';

const TABLE = 'background_task_runs';
const REQUESTS_TABLE = 'background_task_requests';

/** Longest reason kept with a run request (the route accepts at most 500 characters), and who asked. */
const MAX_REASON_LENGTH = 500;
const MAX_REQUESTER_LENGTH = 256;

/** Longest failure message kept (a provider's error can carry a whole response body). */
export const MAX_ERROR_LENGTH = 1000;

type Row = Record<string, unknown>;

/** Longest replica id and host name kept (a host name has at most 253 characters). */
const MAX_REPLICA_LENGTH = 256;

/** The `replica` column of a copy: '' for a global task's one record. */
const replicaOf = (copy: TaskCopy) =>
  (copy.replica ?? '').slice(0, MAX_REPLICA_LENGTH);

/** The key of a copy's row. */
const keyOf = (copy: TaskCopy) => ({
  task_id: copy.taskId,
  replica: replicaOf(copy),
});

const OUTCOMES = new Set(['running', 'succeeded', 'failed']);

function recordOf(row: Row): TaskRecord {
  const record: TaskRecord = {
    taskId: String(row.task_id),
    cadence: String(row.cadence),
    registeredAt: dbDate(row.registered_at),
  };
  const replica = dbTextOrNull(row.replica);
  if (replica) {
    record.replica = replica;
    record.seenAt = dbDate(row.seen_at ?? row.registered_at);
    // A copy recorded before copies were kept per process is keyed by its host name.
    const pid = dbNumber(row.replica_pid);
    record.replicaLabel = {
      host: dbTextOrNull(row.replica_host) ?? replica,
      ...(pid !== null && { pid }),
    };
  }
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

/**
 * {@link TaskRunStore} on the plugin's database (SQLite or PostgreSQL): one row per global task, one per replica of
 * a local task.
 */
export class KnexTaskRunStore implements TaskRunStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async registered(
    copy: TaskCopy,
    schedule: TaskSchedule,
    at: Date,
    label?: ReplicaLabel,
  ): Promise<void> {
    const local = copy.replica !== undefined;
    await this.knex.transaction(async tx => {
      // A task whose scope changed keeps no record of the other scope (one global row, or the replicas' rows).
      await tx(TABLE)
        .where({ task_id: copy.taskId })
        .andWhere('replica', local ? '=' : '<>', '')
        .delete();
      await tx(TABLE)
        .insert({
          ...keyOf(copy),
          cadence: schedule.cadence,
          timeout: schedule.timeout ?? null,
          initial_delay: schedule.initialDelay ?? null,
          registered_at: at,
          seen_at: local ? at : null,
          replica_host: local
            ? (label?.host ?? copy.replica ?? '').slice(0, MAX_REPLICA_LENGTH)
            : null,
          replica_pid: local ? label?.pid ?? null : null,
        })
        .onConflict(['task_id', 'replica'])
        .merge([
          'cadence',
          'timeout',
          'initial_delay',
          'registered_at',
          'seen_at',
          'replica_host',
          'replica_pid',
        ]);
    });
  }

  async started(copy: TaskCopy, at: Date, runner: string): Promise<void> {
    await this.knex(TABLE)
      .where(keyOf(copy))
      .update({
        last_started_at: at,
        last_ended_at: null,
        last_outcome: 'running',
        last_error: null,
        last_runner: runner.slice(0, MAX_REPLICA_LENGTH),
        ...(copy.replica !== undefined && { seen_at: at }),
      });
  }

  async ended(copy: TaskCopy, startedAt: Date, end: TaskRunEnd): Promise<void> {
    const seen = copy.replica !== undefined && { seen_at: end.endedAt };
    const update =
      end.outcome === 'succeeded'
        ? {
            ...seen,
            last_ended_at: end.endedAt,
            last_outcome: 'succeeded',
            last_error: null,
            last_succeeded_at: end.endedAt,
            last_success_duration_ms: Math.round(end.durationMs),
          }
        : {
            ...seen,
            last_ended_at: end.endedAt,
            last_outcome: 'failed',
            last_error: end.error.slice(0, MAX_ERROR_LENGTH),
          };
    await this.knex(TABLE)
      .where({ ...keyOf(copy), last_started_at: startedAt })
      .update(update);
  }

  async seen(replica: string, at: Date): Promise<void> {
    await this.knex(TABLE)
      .where({ replica: replicaOf({ taskId: '', replica }) })
      .update({ seen_at: at });
  }

  async list(): Promise<TaskRecord[]> {
    const rows: Row[] = await this.knex(TABLE)
      .select()
      .orderBy(['task_id', 'replica']);
    return rows.map(recordOf);
  }

  async requestRun(
    taskId: string,
    request: { at: Date; by: string; reason: string },
  ): Promise<void> {
    await this.knex(REQUESTS_TABLE)
      .insert({
        task_id: taskId,
        requested_at: request.at,
        requested_by: request.by.slice(0, MAX_REQUESTER_LENGTH),
        reason: request.reason.slice(0, MAX_REASON_LENGTH),
      })
      .onConflict('task_id')
      .merge(['requested_at', 'requested_by', 'reason']);
  }

  async runRequests(): Promise<TaskRunRequest[]> {
    const rows: Row[] = await this.knex(REQUESTS_TABLE)
      .select('task_id', 'requested_at', 'requested_by')
      .orderBy('task_id');
    return rows.map(row => ({
      taskId: String(row.task_id),
      requestedAt: dbDate(row.requested_at),
      requestedBy: String(row.requested_by),
    }));
  }

  async deleteUnusedSince(before: Date, replicasBefore: Date): Promise<number> {
    const requests = await this.knex(REQUESTS_TABLE)
      .where('requested_at', '<', replicasBefore)
      .delete();
    return requests + (await this.deleteUnusedRecords(before, replicasBefore));
  }

  private async deleteUnusedRecords(
    before: Date,
    replicasBefore: Date,
  ): Promise<number> {
    return this.knex(TABLE)
      .where(unused =>
        unused
          .where('registered_at', '<', before)
          .andWhere(q =>
            q
              .whereNull('last_started_at')
              .orWhere('last_started_at', '<', before),
          )
          .andWhere(q =>
            q.whereNull('seen_at').orWhere('seen_at', '<', before),
          ),
      )
      .orWhere(stopped =>
        stopped
          .whereNot('replica', '')
          .andWhere(q =>
            q
              .where('seen_at', '<', replicasBefore)
              .orWhere(old =>
                old
                  .whereNull('seen_at')
                  .andWhere('registered_at', '<', replicasBefore),
              ),
          ),
      )
      .delete();
  }
}
