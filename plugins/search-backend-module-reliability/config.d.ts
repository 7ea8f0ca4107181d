import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The reliability collator (module `@internal/plugin-search-backend-module-reliability`). */
      reliability?: {
        /**
         * When the index of runbooks and SLOs is rebuilt. Default: every 10 minutes, 15 minutes timeout,
         * first run 30 seconds after start. With the in-memory (Lunr) search engine and several replicas,
         * or a file database that outlives restarts, add `scope: local` so each process builds its own index
         * at start-up.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Catalog entities read per request to the reliability backend (1-200). Default 50. */
        batchSize?: number;
      };
    };
  };
}
