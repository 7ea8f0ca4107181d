import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * The background job of an area: one run brings the area's materialised state up to date
 * (and applies its retention). Every area has exactly one, named `<Area>Refresher`.
 */
export interface Refresher {
  run(signal?: AbortSignal): Promise<unknown>;
}

/**
 * Registers an area's refresher with the scheduler. Global scope by default: one run per cadence across all
 * replicas (the scheduler's database lock), which is what every area's refresh needs. Returns the task's id.
 */
export async function scheduleRefresher(
  scheduler: SchedulerService,
  id: string,
  schedule: SchedulerServiceTaskScheduleDefinition,
  refresher: Refresher,
  scope: 'global' | 'local' = 'global',
): Promise<string> {
  await scheduler.scheduleTask({
    id,
    scope,
    ...schedule,
    fn: async signal => {
      await refresher.run(signal as AbortSignal | undefined);
    },
  });
  return id;
}
