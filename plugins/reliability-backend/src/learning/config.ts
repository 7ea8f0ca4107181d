import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { z } from 'zod';
import { readConfigSection, readDuration } from '../shared/config';

/** Configuration of the learning area, read from `reliability.learning.*`. */
export interface LearningConfig {
  /**
   * Days progress of an item no longer in its team's path, or of a user gone from the catalog, is kept (counted
   * from when the item was ticked off).
   */
  retentionDays: number;
  /** How often the retention runs. */
  refreshInterval: HumanDuration;
}

const KEY = 'reliability.learning';

const schema = z.strictObject({
  retentionDays: z.number().int().min(1).max(3650).default(90),
  // Duration: validated by readDuration below.
  refreshInterval: z.unknown().optional(),
});

/** Reads and validates `reliability.learning`; throws a clear error at startup when it is invalid. */
export function readLearningConfig(
  config: Config,
  logger: LoggerService,
): LearningConfig {
  const parsed = readConfigSection(config, KEY, schema);
  return {
    retentionDays: parsed.retentionDays,
    refreshInterval: readDuration(
      config,
      `${KEY}.refreshInterval`,
      { hours: 24 },
      { logger, min: { minutes: 5 }, max: { days: 7 } },
    ),
  };
}
