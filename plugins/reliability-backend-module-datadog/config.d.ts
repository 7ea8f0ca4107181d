export interface Config {
  reliability?: {
    /**
     * The Datadog SLI provider (metric sources of type `datadog` with `spec.sloId`). Without this section the module
     * answers every Datadog SLI with "Datadog provider not configured".
     */
    datadog?: {
      /** Datadog site, e.g. `datadoghq.com` (default), `datadoghq.eu`, `us3.datadoghq.com`, `us5.datadoghq.com`, `ap1.datadoghq.com`. */
      site?: string;
      /**
       * Datadog API key (header DD-API-KEY).
       * @visibility secret
       */
      apiKey: string;
      /**
       * Datadog application key (header DD-APPLICATION-KEY) with the `slos_read` scope.
       * @visibility secret
       */
      applicationKey: string;
      /** Timeout of one request in milliseconds (default 15000, 100-300000). */
      timeoutMs?: number;
      /**
       * Request budget of Datadog in this backend process, shared by every caller (SLO collection, the
       * alert source and page loads). A request waits for its turn up to `maxWaitSeconds` (and never beyond its caller's
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
      /** The Datadog alert source (monitors, `GET /api/v1/monitor`); the application key needs `monitors_read`. */
      monitors?: {
        /** Read only the monitors with all of these tags, e.g. `team:payments`. Default: every monitor. */
        tags?: string[];
        /**
         * Notification handles (prefixes) that page a person when a monitor message mentions them.
         * Default `@pagerduty`, `@opsgenie`, `@victorops`, `@webhook-incident`.
         */
        pagingHandles?: string[];
      };
    };
  };
}
