import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Duration } from 'luxon';
import { TaskSchedule } from './store/TaskRunStore';

function isoOf(duration: Duration | Record<string, number>): string {
  const value = Duration.isDuration(duration)
    ? duration
    : Duration.fromObject(duration);
  return value.toISO() ?? 'PT0S';
}

/**
 * A task's cadence, timeout and initial delay as the scheduler's settings spell them: ISO 8601 durations, cron,
 * `manual`.
 */
export function taskScheduleOf(
  task: Pick<
    SchedulerServiceTaskScheduleDefinition,
    'frequency' | 'timeout' | 'initialDelay'
  >,
): TaskSchedule {
  const { frequency } = task;
  let cadence: string;
  if ('cron' in frequency) cadence = frequency.cron;
  else if ('trigger' in frequency) cadence = 'manual';
  else cadence = isoOf(frequency as Duration | Record<string, number>);
  return {
    cadence,
    timeout: isoOf(task.timeout as Duration),
    ...(task.initialDelay && {
      initialDelay: isoOf(task.initialDelay as Duration),
    }),
  };
}
