export interface Config {
  reliability?: {
    /** PagerDuty on-call provider (module `@internal/backstage-plugin-reliability-backend-module-pagerduty`). */
    pagerduty?: {
      /** Base URL of the REST API. Default https://api.pagerduty.com (use https://api.eu.pagerduty.com for EU accounts). */
      apiBaseUrl?: string;
      /**
       * REST API key (read-only is enough), sent as `Authorization: Token token=...`. Without it the provider answers
       * every annotated entity with "PagerDuty provider not configured".
       * @visibility secret
       */
      token?: string;
      /** Time limit of one API call, in seconds. Default 10. */
      timeoutSeconds?: number;
      /** Retries on HTTP 429, 5xx and network errors, with exponential backoff, waiting as long as Retry-After asks within the retry budget. Default 3. */
      maxRetries?: number;
    };
  };
}
