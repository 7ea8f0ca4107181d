import { CustomErrorBase } from '@backstage/errors';

/** The module is installed but `reliability.datadog` is missing or invalid. @public */
export class DatadogConfigError extends CustomErrorBase {
  name = 'DatadogConfigError' as const;
}

/** Datadog answered with an HTTP error status (after retries for 429 and 5xx). @public */
export class DatadogHttpError extends CustomErrorBase {
  name = 'DatadogHttpError' as const;
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** Datadog answered, but not with SLO history the provider can use. @public */
export class DatadogResponseError extends CustomErrorBase {
  name = 'DatadogResponseError' as const;
}

/** Datadog did not answer within the timeout. @public */
export class DatadogTimeoutError extends CustomErrorBase {
  name = 'DatadogTimeoutError' as const;
}

/** Datadog could not be reached (connection refused, DNS, TLS, ...). @public */
export class DatadogNetworkError extends CustomErrorBase {
  name = 'DatadogNetworkError' as const;
}
