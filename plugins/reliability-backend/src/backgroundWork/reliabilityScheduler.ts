import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { registeringThrough } from './registeringThrough';

/** False on replicas that only answer web requests (see {@link reliabilityScheduler}). */
export const BACKGROUND_TASKS_KEY = 'reliability.backgroundTasks.enabled';

/**
 * The scheduler the plugin's areas register their background work with: the backend's own, unless
 * `reliability.backgroundTasks.enabled` is false. Such a replica only answers web requests (the background
 * cycles' CPU and memory stay off it: web requests keep their latency when the workers run on other nodes or at a
 * lower CPU priority, docs/benchmarks.md): it
 * registers none of the plugin's global tasks (SLO collection, refreshes, snapshots, notifications), which the
 * replicas where the key is true (the default) run, once per cadence across all of them through the scheduler's
 * database lock as always. Per-replica (local) tasks still run on it: they keep its own copy of something (the
 * on-call schedule files). Every route reads what the global tasks store in the database, so it answers the same
 * on either kind of replica.
 */
export function reliabilityScheduler(options: {
  scheduler: SchedulerService;
  config: Config;
  logger: LoggerService;
}): SchedulerService {
  const { scheduler, config, logger } = options;
  if (config.getOptionalBoolean(BACKGROUND_TASKS_KEY) ?? true) {
    return scheduler;
  }
  logger.info(
    `Reliability background tasks are off on this replica (${BACKGROUND_TASKS_KEY}: false): SLO collection, refreshes and notifications run on the replicas where it is true (the default); if none is, their data goes stale`,
  );
  const scheduleTask: SchedulerService['scheduleTask'] = async task => {
    if ((task.scope ?? 'global') === 'local') {
      await scheduler.scheduleTask(task);
      return;
    }
    logger.debug(
      `Reliability task ${task.id} is left to the replicas with background tasks on`,
    );
  };
  return registeringThrough(scheduler, scheduleTask);
}
