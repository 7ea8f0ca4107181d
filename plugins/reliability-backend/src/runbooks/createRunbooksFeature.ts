import { RunbookSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../features';
import { SummarySource } from '../summaries';
import { readRunbooksConfig } from './config';
import { RunbookIndexer } from './RunbookIndexer';
import { createRunbooksRouter } from './router';
import { RunbookService } from './RunbookService';
import { SloDefinitionSource } from './SloDefinitionSource';
import { RunbookCollector } from './sources/RunbookCollector';
import { KnexRunbookStore } from './store/KnexRunbookStore';

/** The runbooks feature, exposing its per-entity summaries to later features (checklist, overview). */
export interface RunbooksFeature extends ReliabilityFeature {
  name: 'runbooks';
  summaries: SummarySource<RunbookSummary>;
  service: RunbookService;
}

/**
 * Creates the runbooks feature: routes, the indexing task (every 30 minutes, once across replicas) and summaries.
 * `slos` is the SLO feature's definition loader.
 */
export function createRunbooksFeature(
  ctx: ReliabilityContext,
  deps: { slos: SloDefinitionSource },
): RunbooksFeature {
  const config = readRunbooksConfig(ctx.config);
  const store = new KnexRunbookStore(ctx.database);
  const service = new RunbookService({
    collector: new RunbookCollector(ctx.urlReader, config),
    slos: deps.slos,
    logger: ctx.logger,
    now: ctx.now,
    staleAfterDays: config.staleAfterDays,
  });
  const indexer = new RunbookIndexer({
    catalog: ctx.catalog,
    auth: ctx.auth,
    service,
    store,
    logger: ctx.logger,
    now: ctx.now,
  });

  return {
    name: 'runbooks',
    router: createRunbooksRouter({
      httpAuth: ctx.httpAuth,
      catalog: ctx.catalog,
      service,
    }),
    service,
    summaries: { getSummaries: refs => store.getSummaries(refs) },
    async start() {
      await ctx.scheduler.scheduleTask({
        id: 'reliability-runbooks-index',
        scope: 'global',
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 45 },
        fn: async signal => {
          await indexer.run(signal);
        },
      });
    },
  };
}
