import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DeprecatedNumberKey, readDuration } from '../shared/config';

const DAY_MS = 86_400_000;

/** Settings of the on-call area (`reliability.onCall.*`). */
export interface OnCallConfig {
  /** Schedule-as-code YAML files, relative to the backend's working directory. */
  scheduleFiles: string[];
  /** How often every replica re-reads the schedule files. */
  scheduleFilesRefresh: HumanDuration;
  /** How long an entity's on-call state (or provider failure) is served from memory. */
  cacheTtlMs: number;
  /** How often the on-call state of every annotated entity is refreshed into the database. */
  refreshInterval: HumanDuration;
  /** How far ahead upcoming shifts are computed or fetched, in (possibly fractional) days. */
  horizonDays: number;
  /** Time limit of one provider call. */
  providerTimeoutMs: number;
}

const key = (name: string) => `reliability.onCall.${name}`;
const deprecated = (
  name: string,
  unit: DeprecatedNumberKey['unit'],
): DeprecatedNumberKey => ({ key: key(name), unit });

/**
 * Reads `reliability.onCall` from app config. Durations are Backstage durations (`{ minutes: 5 }` or `PT5M`);
 * the former number keys (`cacheTtlSeconds`, `refreshIntervalMinutes`, `horizonDays`, `providerTimeoutSeconds`,
 * `scheduleFilesRefreshSeconds`) still work with a deprecation warning. Out-of-range values stop the backend.
 */
export function readOnCallConfig(
  config: Config,
  logger: LoggerService,
): OnCallConfig {
  const cacheTtl = readDuration(
    config,
    key('cacheTtl'),
    { seconds: 60 },
    {
      deprecated: deprecated('cacheTtlSeconds', 'seconds'),
      logger,
      min: { seconds: 0 },
      max: { hours: 1 },
    },
  );
  const refreshInterval = readDuration(
    config,
    key('refreshInterval'),
    { minutes: 5 },
    {
      deprecated: deprecated('refreshIntervalMinutes', 'minutes'),
      logger,
      min: { minutes: 1 },
      max: { minutes: 60 },
    },
  );
  const horizon = readDuration(
    config,
    key('horizon'),
    { days: 14 },
    {
      deprecated: deprecated('horizonDays', 'days'),
      logger,
      min: { days: 1 },
      max: { days: 90 },
    },
  );
  const providerTimeout = readDuration(
    config,
    key('providerTimeout'),
    { seconds: 15 },
    {
      deprecated: deprecated('providerTimeoutSeconds', 'seconds'),
      logger,
      min: { seconds: 1 },
      max: { seconds: 120 },
    },
  );
  const scheduleFilesRefresh = readDuration(
    config,
    key('scheduleFilesRefresh'),
    { seconds: 60 },
    {
      deprecated: deprecated('scheduleFilesRefreshSeconds', 'seconds'),
      logger,
      min: { seconds: 10 },
      max: { days: 1 },
    },
  );
  return {
    scheduleFiles: config.getOptionalStringArray(key('scheduleFiles')) ?? [],
    scheduleFilesRefresh,
    cacheTtlMs: durationToMilliseconds(cacheTtl),
    refreshInterval,
    horizonDays: durationToMilliseconds(horizon) / DAY_MS,
    providerTimeoutMs: durationToMilliseconds(providerTimeout),
  };
}
