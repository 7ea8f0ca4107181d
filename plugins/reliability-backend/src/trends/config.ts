import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { z } from 'zod';
import { IMPROVEMENT_DAYS } from './TrendsService';

/** Configuration of the trends area, read from `reliability.trends.*` (and `reliability.demo.seedTrends`). */
export interface TrendsConfig {
  /** Days daily snapshots are kept. */
  retentionDays: number;
  /** Hour of the day (0-23, the server's time zone) the daily snapshot is taken. */
  snapshotHour: number;
  /** DEMO ONLY: write months of synthetic daily snapshots for the demo catalog. */
  demoSeeding: boolean;
}

const KEY = 'reliability.trends';

const schema = z.strictObject({
  retentionDays: z.number().int().min(1).max(3650).default(400),
  snapshotHour: z.number().int().min(0).max(23).default(2),
});

/** Reads and validates `reliability.trends`; throws a clear error at startup when it is invalid. */
export function readTrendsConfig(
  config: Config,
  logger: LoggerService,
): TrendsConfig {
  const result = schema.safeParse(config.getOptional(KEY) ?? {});
  if (!result.success) {
    throw new Error(
      `Invalid ${KEY} configuration: ${result.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  if (result.data.retentionDays < IMPROVEMENT_DAYS) {
    logger.warn(
      `${KEY}.retentionDays is ${result.data.retentionDays}: the leaderboard's ${IMPROVEMENT_DAYS}-day improvement only sees the days kept`,
    );
  }
  const demoSeeding =
    config.getOptionalBoolean('reliability.demo.seedTrends') ?? false;
  if (demoSeeding) {
    logger.warn(
      'reliability.demo.seedTrends is on: trend charts show SYNTHETIC demo history before the first measured snapshots. Never enable it in a real installation.',
    );
  }
  return { ...result.data, demoSeeding };
}
