import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ThrottledWarning } from '../shared/throttledWarning';
import { LocalRunRequests } from './localRunRequests';
import { TaskRunStore } from './store/TaskRunStore';
import { taskScheduleOf } from './taskSchedule';
import { registeringThrough } from './registeringThrough';
import { ReplicaProcess, thisReplicaProcess } from './replicaProcess';

/** Records of tasks neither registered nor run for this long are deleted (the table's retention). */
export const TASK_RECORD_RETENTION_DAYS = 30;

/** A replica's copies of local tasks are deleted a day after it was last seen (it stopped: see replicaHealth.ts). */
export const REPLICA_RECORD_RETENTION_DAYS = 1;

/**
 * The local task through which each replica that runs local tasks says it is alive (every minute): a copy of a
 * local task is judged late only while its replica is seen, and ignored once it is not (replicaHealth.ts). It also
 * picks up Run now requests of local tasks (localRunRequests.ts).
 */
export const HEARTBEAT_TASK_ID = 'reliability-background-work-heartbeat';

/** How often a replica's heartbeat stamps its copies of local tasks. */
export const HEARTBEAT_INTERVAL = { minutes: 1 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a run the scheduler stopped before it finished records as its failure. */
export const STOPPED_MESSAGE =
  'Stopped before it finished: the run reached its timeout or its replica shut down';

/**
 * The scheduler the plugin's areas register their tasks with, recording each task's schedule when this replica
 * registers it and each run's start, end, outcome and error (`background_task_runs`), for `GET /background-work`.
 * A global task has one record; a local task (run by every replica) one per replica process (`replica`: a new id at
 * each start, so two processes on one host, or a restarted one, never share a record), and the first local task
 * registered also starts this replica's heartbeat ({@link HEARTBEAT_TASK_ID}, itself not recorded), which also runs
 * this replica's copy of a local task once when someone asked for it with Run now (LocalRunRequests). The task
 * itself is unchanged: a run's failure is rethrown to the scheduler, and a failure to record is logged (at most
 * once a minute) but never fails the run.
 */
export function recordingScheduler(options: {
  scheduler: SchedulerService;
  store: TaskRunStore;
  logger: LoggerService;
  now: () => Date;
  /** The process that runs the tasks (this one by default); a run's runner is its host name. */
  replica?: ReplicaProcess;
}): SchedulerService {
  const { scheduler, store, logger, now } = options;
  const replica = options.replica ?? thisReplicaProcess();
  const runner = replica.host;
  const warning = new ThrottledWarning({ logger, intervalMs: 60_000, now });
  const record = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      warning.warn(
        `Could not record ${what} of a reliability background task: ${error}`,
      );
    }
  };

  // Records only go unused when a deploy removes a task, so the retention runs once per start (first registration).
  let retentionApplied = false;
  let heartbeatStarted = false;
  const runRequests = new LocalRunRequests({
    store,
    trigger: id => scheduler.triggerTask(id),
    logger,
  });
  const startHeartbeat = async () => {
    if (heartbeatStarted) return;
    heartbeatStarted = true;
    await scheduler.scheduleTask({
      id: HEARTBEAT_TASK_ID,
      scope: 'local',
      frequency: HEARTBEAT_INTERVAL,
      timeout: { seconds: 30 },
      fn: async () => {
        await record('the heartbeat', () => store.seen(replica.id, now()));
        try {
          await runRequests.poll();
        } catch (error) {
          warning.warn(
            `Could not read the Run now requests of reliability background tasks: ${error}`,
          );
        }
      },
    });
  };
  const scheduleTask: SchedulerService['scheduleTask'] = async task => {
    const at = now();
    const local = task.scope === 'local';
    const copy = local
      ? { taskId: task.id, replica: replica.id }
      : { taskId: task.id };
    await record('the registration', async () => {
      await store.registered(
        copy,
        taskScheduleOf(task),
        at,
        local ? { host: replica.host, pid: replica.pid } : undefined,
      );
      if (!retentionApplied) {
        retentionApplied = true;
        await store.deleteUnusedSince(
          new Date(at.getTime() - TASK_RECORD_RETENTION_DAYS * DAY_MS),
          new Date(at.getTime() - REPLICA_RECORD_RETENTION_DAYS * DAY_MS),
        );
      }
    });
    if (local) {
      runRequests.registered(task.id, at);
      await startHeartbeat();
    }
    await scheduler.scheduleTask({
      ...task,
      fn: async signal => {
        const startedAt = now();
        if (local) runRequests.started(task.id, startedAt);
        await record('the start', () => store.started(copy, startedAt, runner));
        try {
          await task.fn(signal);
        } catch (error) {
          await record('the failure', () =>
            store.ended(copy, startedAt, {
              outcome: 'failed',
              endedAt: now(),
              error: error instanceof Error ? error.message : String(error),
            }),
          );
          throw error;
        }
        const endedAt = now();
        // A task stopped by the scheduler (its timeout, or the replica shutting down) returns early: not a success.
        const stopped = (signal as AbortSignal | undefined)?.aborted;
        await record('the end', () =>
          store.ended(
            copy,
            startedAt,
            stopped
              ? { outcome: 'failed', endedAt, error: STOPPED_MESSAGE }
              : {
                  outcome: 'succeeded',
                  endedAt,
                  durationMs: endedAt.getTime() - startedAt.getTime(),
                },
          ),
        );
      },
    });
  };

  return registeringThrough(scheduler, scheduleTask);
}
