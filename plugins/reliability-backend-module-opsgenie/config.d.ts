export interface Config {
  reliability?: {
    /** Opsgenie on-call provider (module `@internal/backstage-plugin-reliability-backend-module-opsgenie`). */
    opsgenie?: {
      /** Base URL of the REST API. Default https://api.opsgenie.com (use https://api.eu.opsgenie.com for EU accounts). */
      apiBaseUrl?: string;
      /**
       * API key of an API integration with read access, sent as `Authorization: GenieKey ...`.
       * Without it the provider answers every annotated entity with "Opsgenie provider not configured".
       * @visibility secret
       */
      apiKey?: string;
      /** Time limit of one API call, in seconds. Default 10. */
      timeoutSeconds?: number;
      /** Retries on HTTP 429, 5xx and network errors, with exponential backoff, waiting as long as Retry-After asks within the retry budget. Default 3. */
      maxRetries?: number;
    };
  };
}
