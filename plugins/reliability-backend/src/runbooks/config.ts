import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration } from '@backstage/types';
import { readDuration } from '../shared/config';

/** Runbooks not reviewed within this many days count as stale unless configured otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 180;

/** Settings of the runbooks area (`reliability.runbooks.*`). */
export interface RunbooksConfig {
  staleAfterDays: number;
  /** How often the runbook index is rebuilt (`reliability.runbooks.refreshInterval`). */
  refreshInterval: HumanDuration;
  /** The app's base URL, to recognise absolute links to its TechDocs pages. */
  appBaseUrl?: string;
}

/** Reads and validates `reliability.runbooks` from app config. */
export function readRunbooksConfig(
  config: Config,
  logger: LoggerService,
): RunbooksConfig {
  const staleAfterDays =
    config.getOptionalNumber('reliability.runbooks.staleAfterDays') ??
    DEFAULT_STALE_AFTER_DAYS;
  if (
    !Number.isInteger(staleAfterDays) ||
    staleAfterDays < 1 ||
    staleAfterDays > 3650
  ) {
    throw new InputError(
      `reliability.runbooks.staleAfterDays must be a whole number of days between 1 and 3650, got ${staleAfterDays}`,
    );
  }
  const refreshInterval = readDuration(
    config,
    'reliability.runbooks.refreshInterval',
    { minutes: 30 },
    { logger, min: { minutes: 1 }, max: { days: 1 } },
  );
  return {
    staleAfterDays,
    refreshInterval,
    appBaseUrl: config.getOptionalString('app.baseUrl'),
  };
}
