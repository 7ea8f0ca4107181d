import { SchedulerService } from '@backstage/backend-plugin-api';

/**
 * `scheduler` with tasks registered through `scheduleTask` instead (task runners too), the rest forwarded: global
 * tasks are triggered and cancelled through the database, so those calls reach the replica running them.
 */
export function registeringThrough(
  scheduler: SchedulerService,
  scheduleTask: SchedulerService['scheduleTask'],
): SchedulerService {
  return {
    scheduleTask,
    createScheduledTaskRunner: schedule => ({
      run: task => scheduleTask({ ...task, ...schedule }),
    }),
    triggerTask: id => scheduler.triggerTask(id),
    cancelTask: id => scheduler.cancelTask(id),
    getScheduledTasks: () => scheduler.getScheduledTasks(),
  };
}
