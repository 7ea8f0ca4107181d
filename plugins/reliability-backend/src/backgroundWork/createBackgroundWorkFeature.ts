import { SchedulerService } from '@backstage/backend-plugin-api';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { reliabilityScheduler } from './reliabilityScheduler';
import { BackgroundWorkService } from './BackgroundWorkService';
import { recordingScheduler } from './recordingScheduler';
import { createBackgroundWorkRouter } from './router';
import { KnexTaskRunStore } from './store/KnexTaskRunStore';

/** The background-work area, and the scheduler every later area registers its tasks with. */
export interface BackgroundWorkFeature extends ReliabilityFeature {
  /**
   * The backend's scheduler, recording every run of the tasks this replica runs (`background_task_runs`), and
   * registering none of the global ones where `reliability.backgroundTasks.enabled` is false.
   */
  readonly scheduler: SchedulerService;
  /** The tasks' states (for the actions area). */
  readonly service: BackgroundWorkService;
}

/**
 * Builds the background-work area (created first): the scheduler the other areas register with, which records
 * each task's runs, and `GET /background-work`, which says whether each task runs on time.
 */
export function createBackgroundWorkFeature(
  ctx: ReliabilityContext,
): BackgroundWorkFeature {
  const store = new KnexTaskRunStore({ knex: ctx.knex });
  const scheduler = reliabilityScheduler({
    scheduler: recordingScheduler({
      scheduler: ctx.scheduler,
      store,
      logger: ctx.logger,
      now: ctx.now,
    }),
    config: ctx.config,
    logger: ctx.logger,
  });
  const service = new BackgroundWorkService({
    store,
    now: ctx.now,
    scheduler: ctx.scheduler,
    logger: ctx.logger,
  });
  return {
    name: 'backgroundWork',
    scheduler,
    service,
    router: createBackgroundWorkRouter({
      auth: ctx.auth,
      httpAuth: ctx.httpAuth,
      userInfo: ctx.userInfo,
      permissions: ctx.permissions,
      service,
    }),
  };
}
