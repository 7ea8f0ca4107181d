import { LoggerService } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { z } from 'zod';

/** A config key replaced by a duration key, whose value was a plain number of `unit`. */
export interface DeprecatedNumberKey {
  key: string;
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
}

/**
 * Reads a duration in Backstage's config style (`{ minutes: 5 }`, or an ISO 8601 string such as `PT5M`).
 * When only the `deprecated` number key is set, its value is used and a one-line warning names the new key.
 * A value outside `min`..`max` is a start-up error that names the key.
 */
export function readDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
  options: {
    deprecated?: DeprecatedNumberKey;
    logger?: LoggerService;
    min?: HumanDuration;
    max?: HumanDuration;
  } = {},
): HumanDuration {
  let value = fallback;
  if (config.has(key)) {
    value = readDurationFromConfig(config, { key });
  } else if (options.deprecated && config.has(options.deprecated.key)) {
    const old = config.getNumber(options.deprecated.key);
    if (!Number.isFinite(old) || old < 0) {
      throw new Error(
        `Invalid config ${options.deprecated.key}: must be a non-negative number`,
      );
    }
    options.logger?.warn(
      `Config ${options.deprecated.key} is deprecated; use ${key} (a duration such as { ${options.deprecated.unit}: ${old} })`,
    );
    value = { [options.deprecated.unit]: old };
  }
  const ms = durationToMilliseconds(value);
  if (
    (options.min && ms < durationToMilliseconds(options.min)) ||
    (options.max && ms > durationToMilliseconds(options.max))
  ) {
    throw new Error(
      `Invalid config ${key}: must be between ${JSON.stringify(
        options.min ?? {},
      )} and ${JSON.stringify(options.max ?? {})}`,
    );
  }
  return value;
}

/** {@link readDuration} in milliseconds. */
export function readDurationMs(
  ...args: Parameters<typeof readDuration>
): number {
  return durationToMilliseconds(readDuration(...args));
}

/**
 * Reads the config section `key` (`{}` when absent) with a zod schema. An invalid section is a start-up error
 * naming each bad field: `Invalid <key> configuration: <path>: <problem>; ...`.
 */
export function readConfigSection<T extends z.ZodType>(
  config: Config,
  key: string,
  schema: T,
): z.output<T> {
  const result = schema.safeParse(config.getOptional(key) ?? {});
  if (!result.success) {
    throw new Error(
      `Invalid ${key} configuration: ${result.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}
