import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.reliability';

/** Rebuild the index every 10 minutes, the first time shortly after start (like the catalog collator). */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/** Entities per request to the reliability backend, by default and at most (the backend's own limit). */
export const DEFAULT_BATCH_SIZE = 50;
export const MAX_BATCH_SIZE = 200;

/** The collator's settings from `search.collators.reliability`. */
export interface ReliabilityCollatorConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  batchSize: number;
}

/** Reads `search.collators.reliability` (schedule, batchSize); invalid values fail the start-up with the key named. */
export function readReliabilityCollatorConfig(
  config: Config,
): ReliabilityCollatorConfig {
  const section = config.getOptionalConfig(CONFIG_KEY);
  const scheduleConfig = section?.getOptionalConfig('schedule');
  let schedule = DEFAULT_SCHEDULE;
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new InputError(`Invalid ${CONFIG_KEY}.schedule: ${error}`);
    }
  }
  const batchSize =
    section?.getOptionalNumber('batchSize') ?? DEFAULT_BATCH_SIZE;
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > MAX_BATCH_SIZE
  ) {
    throw new InputError(
      `Invalid ${CONFIG_KEY}.batchSize: expected a whole number from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`,
    );
  }
  return { schedule, batchSize };
}
