import { CustomErrorBase } from '@backstage/errors';

/**
 * Base class of the errors of external providers (Datadog, Prometheus, PagerDuty, Opsgenie, ...).
 * `provider` names the provider; messages name it too.
 *
 * @public
 */
export class ProviderError extends CustomErrorBase {
  constructor(
    readonly provider: string,
    message: string,
    cause?: Error | unknown,
  ) {
    super(message, cause);
  }
}

/**
 * The provider is used but its configuration is missing or invalid.
 *
 * @public
 */
export class ProviderConfigError extends ProviderError {
  name: string = 'ProviderConfigError';
}

/**
 * The provider's module is installed but its configuration is absent: every request of an entity that uses
 * the provider fails with this error, whose message starts with "<provider> provider not configured" and
 * names the keys to set. A kind of ProviderConfigError.
 *
 * @public
 */
export class ProviderNotConfiguredError extends ProviderConfigError {
  name = 'ProviderNotConfiguredError' as const;

  constructor(
    provider: string,
    /** The configuration to set, e.g. `reliability.datadog.apiKey and reliability.datadog.applicationKey`. */
    readonly required: string,
  ) {
    super(
      provider,
      `${provider} provider not configured: set ${required} in app-config`,
    );
  }
}

const NOT_CONFIGURED_MESSAGE =
  / provider not configured: set .+ in app-config$/;

/**
 * True for the message of a {@link ProviderNotConfiguredError}, e.g. one stored as a source's last read error
 * and read back later (or on another replica) without the error object.
 *
 * @public
 */
export function isProviderNotConfiguredMessage(
  message: string | null | undefined,
): boolean {
  return Boolean(message && NOT_CONFIGURED_MESSAGE.test(message));
}

/**
 * The provider answered with an HTTP error status (after retries for 429 and 5xx).
 *
 * @public
 */
export class ProviderHttpError extends ProviderError {
  name = 'ProviderHttpError' as const;

  constructor(
    provider: string,
    message: string,
    /** The HTTP status of the last answer. */
    readonly status: number,
    /** The start of the response body, for logs; never shown to users as is. */
    readonly bodyExcerpt?: string,
  ) {
    super(provider, message);
  }
}

/**
 * The provider answered, but not with data that can be used (unexpected format, rejected query, ...).
 *
 * @public
 */
export class ProviderResponseError extends ProviderError {
  name: string = 'ProviderResponseError';
}

/**
 * The provider's answer is longer than the client accepts (`maxResponseBytes`); reading stopped at the limit.
 * A kind of ProviderResponseError.
 *
 * @public
 */
export class ProviderResponseTooLargeError extends ProviderResponseError {
  name = 'ProviderResponseTooLargeError' as const;

  constructor(
    provider: string,
    message: string,
    /** The limit that was exceeded, in bytes. */
    readonly maxBytes: number,
  ) {
    super(provider, message);
  }
}

/**
 * The provider did not answer within the time limit of an attempt.
 *
 * @public
 */
export class ProviderTimeoutError extends ProviderError {
  name = 'ProviderTimeoutError' as const;
}

/**
 * The provider could not be reached (connection refused, DNS, TLS, ...), also after retries.
 *
 * @public
 */
export class ProviderNetworkError extends ProviderError {
  name = 'ProviderNetworkError' as const;
}

/**
 * The vendor's request budget of this process (`budget.requestsPerMinute`, `budget.maxConcurrency`) has no room
 * for the request within the time it may wait: the request was not sent. Callers keep their last data.
 *
 * @public
 */
export class ProviderBudgetExceededError extends ProviderError {
  name = 'ProviderBudgetExceededError' as const;

  constructor(
    provider: string,
    message: string,
    /** The budget that was reached: requests per minute (undefined: no per-minute budget). */
    readonly requestsPerMinute: number | undefined,
    /** Which limit left no room: the per-minute budget or the concurrency limit. */
    readonly limit: 'requestsPerMinute' | 'maxConcurrency',
  ) {
    super(provider, message);
  }
}
