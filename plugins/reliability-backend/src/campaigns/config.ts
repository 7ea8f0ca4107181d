import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { z } from 'zod';
import { readConfigSection, readDuration } from '../shared/config';

/** Configuration of the campaigns area, read from `reliability.campaigns.*`. */
export interface CampaignsConfig {
  /** YAML files of campaigns kept as code (read-only in the UI), relative to the backend's working directory. */
  files: string[];
  /** How often active campaigns are measured (today's burn-up snapshot is replaced by the newest run). */
  refreshInterval: HumanDuration;
  /** Days daily snapshots are kept. */
  retentionDays: number;
}

const KEY = 'reliability.campaigns';

const schema = z.strictObject({
  files: z.array(z.string().min(1).max(1024)).max(50).default([]),
  // Duration: validated by readDuration below.
  refreshInterval: z.unknown().optional(),
  retentionDays: z.number().int().min(1).max(3650).default(730),
});

/** Reads and validates `reliability.campaigns`; throws a clear error at startup when it is invalid. */
export function readCampaignsConfig(
  config: Config,
  logger: LoggerService,
): CampaignsConfig {
  const { refreshInterval: _interval, ...values } = readConfigSection(
    config,
    KEY,
    schema,
  );
  return {
    ...values,
    refreshInterval: readDuration(
      config,
      `${KEY}.refreshInterval`,
      { hours: 1 },
      { logger, min: { minutes: 1 }, max: { days: 1 } },
    ),
  };
}
