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
