export interface Config {
  reliability?: {
    /**
     * The Prometheus SLI provider (metric sources of type `prometheus`). Without this section the module answers
     * every Prometheus SLI with "Prometheus provider not configured".
     */
    prometheus?: {
      /** Base URL of the Prometheus HTTP API, e.g. `http://prometheus:9090` (the `/api/v1/...` paths are appended). */
      baseUrl: string;
      /**
       * Extra request headers, e.g. `Authorization` for a Prometheus behind a proxy or `X-Scope-OrgID` for Mimir.
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /** Timeout of one request in milliseconds (default 10000, 100-300000). */
      timeoutMs?: number;
      /**
       * Request budget of Prometheus in this backend process, shared by every caller (SLO collection, the
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
      /**
       * The Prometheus alert source (alerting rules of `/api/v1/rules`, active alerts of `/api/v1/alerts`, firing
       * history from the `ALERTS` series), read with the settings above.
       */
      alerts?: {
        /** Values of the `severity` label whose alerts page a person (case-insensitive). Default `critical`, `page`. */
        pagingSeverities?: string[];
        /** Base URL of the Prometheus (or Alertmanager-fronting) UI for links to alerts, e.g. `https://prometheus.example.com`. */
        externalUrl?: string;
      };
    };
  };
}
