import {
  SchedulerServiceTaskFunction,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/** The on-call schedule files' reload: the local task (each replica reads its own files) these tests follow. */
export const FILES = 'reliability-oncall-schedule-files';

type TaskDefinition = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

/** A global task (one replica runs each run), like the SLO refresh: every 5 minutes, stopped after 4. */
export function globalTask(
  id: string,
  fn: SchedulerServiceTaskFunction = async () => {},
): TaskDefinition {
  return { id, frequency: { minutes: 5 }, timeout: { minutes: 4 }, fn };
}

/** The schedule files' reload as the on-call area registers it: local, every 5 minutes, stopped after 1. */
export function filesReload(
  fn: SchedulerServiceTaskFunction = async () => {},
): TaskDefinition {
  return {
    id: FILES,
    scope: 'local',
    frequency: { minutes: 5 },
    timeout: { minutes: 1 },
    fn,
  };
}
