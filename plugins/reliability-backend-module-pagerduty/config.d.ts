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
      /**
       * Request budget of PagerDuty in this backend process, shared by every caller (on-call and incident
       * refreshes and page loads). A request waits for its turn up to `maxWaitSeconds` (and never beyond its caller's
       * time limit), else it is not sent and the caller keeps its last data, marked stale. Without this section: no limit.
       */
      budget?: {
        /** Requests per minute, evenly paced, so no minute holds more. Set it below the vendor's rate limit. */
        requestsPerMinute?: number;
        /** Requests in flight at once. */
        maxConcurrency?: number;
        /** Longest wait for a turn in the budget, in seconds. Default 30. */
        maxWaitSeconds?: number;
      };
    };
  };
}
