import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  BackgroundTaskTriggerResponse,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';
import { TaskRunStore } from './store/TaskRunStore';
import { tasksHealth } from './replicaHealth';

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
   * Starts a run of one of the plugin's recorded global tasks as soon as a replica that runs it polls (a few
   * seconds), instead of at its next cadence; logged with who asked and why. NotFoundError for a task the plugin
   * has not recorded, ConflictError (from the scheduler) while it runs, and ConflictError for a local task: the
   * scheduler would run it only on the replica that received the request, not on the others (each runs its copy
   * at its own cadence), which is not what someone looking at a replica's stale copy asks for.
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
    if (records.some(record => record.replica !== undefined)) {
      throw new ConflictError(
        `Reliability background task ${taskId} runs on every replica (scope local), each at its own cadence: Run now would start it only on the replica that received the request, so it is not offered`,
      );
    }
    await scheduler.triggerTask(taskId);
    logger.info(
      `Reliability background task ${taskId} triggered by ${request.by}: ${request.reason}`,
    );
    return { taskId, triggeredAt: now().toISOString() };
  }

  /**
   * Every recorded task and its state now (a local task's from its replicas' copies); failures' messages and
   * runners' host names only `withDetails`.
   */
  async list(withDetails: boolean): Promise<BackgroundWorkResponse> {
    const now = this.options.now();
    const records = await this.options.store.list();
    return {
      tasks: tasksHealth(records, now, { withDetails }),
      checkedAt: now.toISOString(),
      detailsShown: withDetails,
    };
  }
}
