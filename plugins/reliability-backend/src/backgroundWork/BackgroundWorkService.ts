import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  BackgroundTaskTriggerResponse,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';
import { TaskRunStore } from './store/TaskRunStore';
import { tasksHealth } from './replicaHealth';

/** What Run now says of a global task's run. */
export const GLOBAL_RUN_MESSAGE =
  'Starts within a few seconds on a replica that runs background tasks.';

/** What Run now says of a local task's runs. */
export const LOCAL_RUN_MESSAGE =
  'Runs on every replica within about a minute: each replica runs its own copy once, at its next heartbeat.';

/** The health of the plugin's background tasks, judged from their recorded runs; runs one now on request. */
export class BackgroundWorkService {
  constructor(
    private readonly options: {
      store: TaskRunStore;
      now: () => Date;
      /** The backend's scheduler: a global task is triggered through the database, whichever replica runs it. */
      scheduler: SchedulerService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Runs one of the plugin's recorded tasks now instead of at its next cadence; logged with who asked and why.
   * A global task starts as soon as a replica that runs it polls (a few seconds; ConflictError from the scheduler
   * while it runs). A local task is requested instead (Backstage's scheduler would run it only in this process):
   * every replica running it runs its copy once at its next heartbeat, within about a minute (LocalRunRequests).
   * NotFoundError for a task the plugin has not recorded.
   */
  async trigger(
    taskId: string,
    request: { reason: string; by: string },
  ): Promise<BackgroundTaskTriggerResponse> {
    const { store, scheduler, logger, now } = this.options;
    const records = (await store.list()).filter(
      record => record.taskId === taskId,
    );
    if (records.length === 0) {
      throw new NotFoundError(`No reliability background task ${taskId}`);
    }
    const at = now();
    if (records.some(record => record.replica !== undefined)) {
      await store.requestRun(taskId, { at, ...request });
      logger.info(
        `Reliability background task ${taskId} requested on every replica by ${request.by}: ${request.reason}`,
      );
      return {
        taskId,
        triggeredAt: at.toISOString(),
        scope: 'local',
        message: LOCAL_RUN_MESSAGE,
      };
    }
    await scheduler.triggerTask(taskId);
    logger.info(
      `Reliability background task ${taskId} triggered by ${request.by}: ${request.reason}`,
    );
    return {
      taskId,
      triggeredAt: at.toISOString(),
      scope: 'global',
      message: GLOBAL_RUN_MESSAGE,
    };
  }

  /**
   * Every recorded task and its state now (a local task's from its replicas' copies, with its pending Run now
   * request); failures' messages, runners' host names and who asked only `withDetails`.
   */
  async list(withDetails: boolean): Promise<BackgroundWorkResponse> {
    const now = this.options.now();
    const [records, requests] = await Promise.all([
      this.options.store.list(),
      this.options.store.runRequests(),
    ]);
    return {
      tasks: tasksHealth(records, now, { withDetails }, requests),
      checkedAt: now.toISOString(),
      detailsShown: withDetails,
    };
  }

  /**
   * Whether each of the given tasks that is recorded has succeeded at `since` or later (on any replica, for a local
   * task); tasks not recorded (an area that is not installed) do not hold it up. For work that needs other tasks'
   * first results, such as the demo's synthetic assessments needing the automatic checks' data.
   */
  async succeededSince(taskIds: string[], since: Date): Promise<boolean> {
    const records = (await this.options.store.list()).filter(record =>
      taskIds.includes(record.taskId),
    );
    return [...new Set(records.map(record => record.taskId))].every(taskId =>
      records.some(
        record =>
          record.taskId === taskId &&
          record.lastSuccess !== undefined &&
          record.lastSuccess.endedAt.getTime() >= since.getTime(),
      ),
    );
  }
}
