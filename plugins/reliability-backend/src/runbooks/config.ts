import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Runbooks not reviewed within this many days count as stale unless configured otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 180;

/** Settings of the runbooks feature (`reliability.runbooks.*`). */
export interface RunbooksConfig {
  staleAfterDays: number;
  /** The app's base URL, to recognise absolute links to its TechDocs pages. */
  appBaseUrl?: string;
}

/** Reads and validates `reliability.runbooks` from app config. */
export function readRunbooksConfig(config: Config): RunbooksConfig {
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
  return {
    staleAfterDays,
    appBaseUrl: config.getOptionalString('app.baseUrl'),
  };
}
