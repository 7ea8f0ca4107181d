import { CustomErrorBase } from '@backstage/errors';

/** The module is installed but `reliability.prometheus` is missing or invalid. @public */
export class PrometheusConfigError extends CustomErrorBase {
  name = 'PrometheusConfigError' as const;
}

/** Prometheus answered with an HTTP error status (after retries for 429 and 5xx). @public */
export class PrometheusHttpError extends CustomErrorBase {
  name = 'PrometheusHttpError' as const;
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** Prometheus rejected or could not evaluate a query, or returned an unusable result. @public */
export class PrometheusQueryError extends CustomErrorBase {
  name = 'PrometheusQueryError' as const;
}

/** Prometheus did not answer within `reliability.prometheus.timeoutMs`. @public */
export class PrometheusTimeoutError extends CustomErrorBase {
  name = 'PrometheusTimeoutError' as const;
}

/** Prometheus could not be reached (connection refused, DNS, TLS, ...). @public */
export class PrometheusNetworkError extends CustomErrorBase {
  name = 'PrometheusNetworkError' as const;
}
