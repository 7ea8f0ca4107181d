import {
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readDuration, readDurationMs } from '../shared/config';

/** Default of `reliability.slo.retention.days`. */
export const DEFAULT_SNAPSHOT_RETENTION_DAYS = 90;
/** Default of `reliability.slo.retention.sliEventsDays`: beyond the longest SLO window. */
export const DEFAULT_SLI_EVENTS_RETENTION_DAYS = 400;
/** Longest SLO window the validator accepts, in days. */
export const LONGEST_WINDOW_DAYS = 366;

/** Settings of the SLO area (`reliability.slo.*`, and the demo switch `reliability.demo.seedSliEvents`). */
export interface SloConfig {
  /** Schedule of the SLO refresher (collection of every SLO, then retention). */
  refreshSchedule: SchedulerServiceTaskScheduleDefinition;
  /** Deadline of one SLI provider call. */
  providerTimeoutMs: number;
  /** How long a burn-down read from a remote provider is reused: the collection interval. */
  burndownCacheTtlMs: number;
  /** Days SLO snapshots are kept. */
  snapshotRetentionDays: number;
  /** Days embedded SLI events are kept. */
  sliEventsRetentionDays: number;
  /** DEMO ONLY: write synthetic SLI events for embedded SLIs. */
  demoSeeding: boolean;
  /** Parsed OpenSLO texts kept in memory (one per entity with SLOs, so collection does not parse them again). */
  definitionCacheEntries: number;
}

/** Default of `reliability.slo.definitionCache.maxEntries`: enough for 20,000 entities with SLOs. */
export const DEFAULT_DEFINITION_CACHE_ENTRIES = 20_000;

function readDays(config: Config, key: string, fallback: number): number {
  const days = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(`Invalid config ${key}: must be a positive number of days`);
  }
  return days;
}

function readPositiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`Invalid config ${key}: must be a positive whole number`);
  }
  return value;
}

/** Reads and validates every config key of the SLO area. */
export function readSloConfig(
  config: Config,
  logger: LoggerService,
): SloConfig {
  const frequency = readDuration(
    config,
    'reliability.slo.collection.frequency',
    { minutes: 5 },
    { logger },
  );
  const sliEventsRetentionDays = readDays(
    config,
    'reliability.slo.retention.sliEventsDays',
    DEFAULT_SLI_EVENTS_RETENTION_DAYS,
  );
  if (sliEventsRetentionDays < LONGEST_WINDOW_DAYS) {
    logger.warn(
      `reliability.slo.retention.sliEventsDays is ${sliEventsRetentionDays}: SLOs with windows longer than that will undercount embedded SLI events`,
    );
  }
  const demoSeeding =
    config.getOptionalBoolean('reliability.demo.seedSliEvents') ?? false;
  if (demoSeeding) {
    logger.warn(
      'reliability.demo.seedSliEvents is on: the embedded SLI store is filled with SYNTHETIC demo events. ' +
        'Never enable it in production (app-config.production.yaml turns it off).',
    );
  }
  return {
    refreshSchedule: {
      frequency,
      // Above 4/3 of the 5-minute frequency: under a vendor request budget a run waits for turns for the whole
      // interval (budgetCycleMs: at most three quarters of the timeout). Runs without a budget take well under
      // a minute at 10,000 services; a run the timeout stops is resumed by the next.
      timeout: readDuration(
        config,
        'reliability.slo.collection.timeout',
        { minutes: 7 },
        { logger },
      ),
      initialDelay: readDuration(
        config,
        'reliability.slo.collection.initialDelay',
        { seconds: 15 },
        { logger },
      ),
    },
    providerTimeoutMs: readDurationMs(
      config,
      'reliability.slo.collection.providerTimeout',
      { seconds: 10 },
      { logger, min: { milliseconds: 1 } },
    ),
    burndownCacheTtlMs: readDurationMs(
      config,
      'reliability.slo.collection.frequency',
      { minutes: 5 },
    ),
    snapshotRetentionDays: readDays(
      config,
      'reliability.slo.retention.days',
      DEFAULT_SNAPSHOT_RETENTION_DAYS,
    ),
    sliEventsRetentionDays,
    demoSeeding,
    definitionCacheEntries: readPositiveInteger(
      config,
      'reliability.slo.definitionCache.maxEntries',
      DEFAULT_DEFINITION_CACHE_ENTRIES,
    ),
  };
}
