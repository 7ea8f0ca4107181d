import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

/** The schedule of the incidents refresh (`reliability-incidents-refresh`), every `refreshInterval`. */
export function incidentsRefreshSchedule(
  refreshInterval: HumanDuration,
): SchedulerServiceTaskScheduleDefinition & {
  frequency: HumanDuration;
  timeout: HumanDuration;
} {
  return {
    frequency: refreshInterval,
    timeout: { minutes: 15 },
    initialDelay: { seconds: 50 },
  };
}
