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
    };
  };
}
