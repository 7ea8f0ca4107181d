import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  BackgroundTaskTriggerResponse,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';
import { TaskRunStore } from './store/TaskRunStore';
import { taskHealth } from './taskHealth';

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
   * Starts a run of one of the plugin's recorded tasks as soon as a replica that runs it polls (a few seconds),
   * instead of at its next cadence; logged with who asked and why. NotFoundError for a task the plugin has not
   * recorded, ConflictError (from the scheduler) while it runs.
   */
  async trigger(
    taskId: string,
    request: { reason: string; by: string },
  ): Promise<BackgroundTaskTriggerResponse> {
    const { store, scheduler, logger, now } = this.options;
    const known = (await store.list()).some(record => record.taskId === taskId);
    if (!known) {
      throw new NotFoundError(`No reliability background task ${taskId}`);
    }
    await scheduler.triggerTask(taskId);
    logger.info(
      `Reliability background task ${taskId} triggered by ${request.by}: ${request.reason}`,
    );
    return { taskId, triggeredAt: now().toISOString() };
  }

  /** Every recorded task and its state now; failures' messages and runners' host names only `withDetails`. */
  async list(withDetails: boolean): Promise<BackgroundWorkResponse> {
    const now = this.options.now();
    const records = await this.options.store.list();
    return {
      tasks: records.map(record => taskHealth(record, now, { withDetails })),
      checkedAt: now.toISOString(),
      detailsShown: withDetails,
    };
  }
}
