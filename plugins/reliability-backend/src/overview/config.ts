import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { z } from 'zod';
import { readConfigSection, readDuration } from '../shared/config';

/** Configuration of the overview area, read from `reliability.overview.*`. */
export interface OverviewConfig {
  /** How often the stored team and system roll-ups are recomputed (global task, once per cadence). */
  rollUpRefreshInterval: HumanDuration;
  /** Time limit of one roll-up pass. */
  rollUpTimeout: HumanDuration;
  /** Most rows one CSV export holds (streamed page by page, so the backend's memory does not grow with it). */
  csvMaxRows: number;
  /** Whether pages are listed from the services index kept by the roll-up pass (when its last pass is recent). */
  servicesIndexEnabled: boolean;
  /** How often the catalog's count of services is compared with the services index's (an early pass when it differs). */
  servicesIndexCheckInterval: HumanDuration;
}

/** Default of `reliability.overview.csvExport.maxRows`: a 100,000-service catalog exports whole. */
export const DEFAULT_CSV_MAX_ROWS = 100_000;

const csvExportSchema = z
  .object({
    maxRows: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(DEFAULT_CSV_MAX_ROWS),
  })
  .strict();

const servicesIndexSchema = z
  .object({
    enabled: z.boolean().default(true),
    // Read as a duration by readDuration.
    checkInterval: z.unknown().optional(),
  })
  .strict();

/** Reads `reliability.overview`; an out-of-range duration is a start-up error naming the key. */
export function readOverviewConfig(
  config: Config,
  logger?: LoggerService,
): OverviewConfig {
  return {
    rollUpRefreshInterval: readDuration(
      config,
      'reliability.overview.rollUps.refreshInterval',
      { minutes: 10 },
      { logger, min: { minutes: 1 }, max: { days: 1 } },
    ),
    rollUpTimeout: readDuration(
      config,
      'reliability.overview.rollUps.timeout',
      { minutes: 10 },
      { logger, min: { seconds: 30 }, max: { hours: 6 } },
    ),
    csvMaxRows: readConfigSection(
      config,
      'reliability.overview.csvExport',
      csvExportSchema,
    ).maxRows,
    servicesIndexEnabled: readConfigSection(
      config,
      'reliability.overview.servicesIndex',
      servicesIndexSchema,
    ).enabled,
    servicesIndexCheckInterval: readDuration(
      config,
      'reliability.overview.servicesIndex.checkInterval',
      { minutes: 1 },
      { logger, min: { seconds: 10 }, max: { days: 1 } },
    ),
  };
}

/**
 * How old the services index's last pass may be for pages to be listed from it: two refresh intervals plus one
 * pass's time limit (one late or failed pass is tolerated; after that, pages come from the catalog until a pass
 * completes again).
 */
export function servicesIndexMaxAgeMs(config: OverviewConfig): number {
  return (
    2 * durationToMilliseconds(config.rollUpRefreshInterval) +
    durationToMilliseconds(config.rollUpTimeout)
  );
}

/**
 * How often the overview's task runs: with the services index, every check interval (at most the refresh interval;
 * most runs only compare counts), else every refresh interval (every run is a pass).
 */
export function overviewTaskFrequency(config: OverviewConfig): HumanDuration {
  if (!config.servicesIndexEnabled) return config.rollUpRefreshInterval;
  return durationToMilliseconds(config.servicesIndexCheckInterval) <
    durationToMilliseconds(config.rollUpRefreshInterval)
    ? config.servicesIndexCheckInterval
    : config.rollUpRefreshInterval;
}
