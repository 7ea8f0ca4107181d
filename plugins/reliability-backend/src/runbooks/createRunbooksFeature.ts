import {
  RunbookEntry,
  RunbookSummary,
} from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { readDocumentAllowRules } from '../shared/entityDocuments';
import { scheduleRefresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { readRunbooksConfig } from './config';
import { createRunbooksRouter } from './router';
import { RunbookRefresher } from './RunbookRefresher';
import { RunbookService } from './RunbookService';
import { SloDefinitionSource } from '../slo';
import { RunbookCollector } from './sources/RunbookCollector';
import { KnexRunbookStore } from './store/KnexRunbookStore';
import { RunbookStore } from './store/RunbookStore';
import { AreaDataReadiness } from '../dataReadiness';

/** The runbooks area: routes, per-entity summaries for the later areas (checklist, overview), and its service. */
export interface RunbooksFeature extends ReliabilityFeature {
  readonly name: 'runbooks';
  readonly summaries: SummarySource<RunbookSummary>;
  /** The tasks (and, in the demo, the seeder) that fill its summaries after a start. */
  readonly dataReadiness: AreaDataReadiness;
  readonly service: RunbookService;
  /** The runbook index: the indexed runbooks (titles, kinds, links) of many entities in one query per 500 refs. */
  readonly index: {
    getRunbooks(entityRefs: string[]): Promise<Map<string, RunbookEntry[]>>;
    /** One page of the stale runbooks of every entity (keyset paging by entity ref and runbook id). */
    listStaleRunbooks: RunbookStore['listStaleRunbooks'];
  };
}

/**
 * Builds the runbooks area and schedules its refresher (`reliability-runbooks-refresh`, global, every
 * `reliability.runbooks.refreshInterval`). `sloDefinitions` is the SLO area's definition source: runbooks are
 * matched against the alert policies of an entity's SLOs.
 */
export async function createRunbooksFeature(
  ctx: ReliabilityContext,
  deps: { sloDefinitions: SloDefinitionSource },
): Promise<RunbooksFeature> {
  const config = readRunbooksConfig(ctx.config, ctx.logger);
  const store = new KnexRunbookStore({ knex: ctx.knex });
  const service = new RunbookService({
    collector: new RunbookCollector({
      urlReader: ctx.urlReader,
      staleAfterDays: config.staleAfterDays,
      appBaseUrl: config.appBaseUrl,
      documentAllow: readDocumentAllowRules(ctx.config),
    }),
    sloDefinitions: deps.sloDefinitions,
    logger: ctx.logger,
    now: ctx.now,
    staleAfterDays: config.staleAfterDays,
  });

  const refreshTask = await scheduleRefresher(
    ctx.scheduler,
    'reliability-runbooks-refresh',
    {
      frequency: config.refreshInterval,
      timeout: { minutes: 15 },
      initialDelay: { seconds: 45 },
    },
    new RunbookRefresher({
      catalog: ctx.catalog,
      auth: ctx.auth,
      service,
      store,
      logger: ctx.logger,
      now: ctx.now,
    }),
  );

  return {
    name: 'runbooks',
    dataReadiness: { taskIds: [refreshTask] },
    router: createRunbooksRouter({
      httpAuth: ctx.httpAuth,
      catalog: ctx.catalog,
      service,
    }),
    service,
    summaries: { getSummaries: refs => store.getSummaries(refs) },
    index: {
      getRunbooks: refs => store.listRunbooksOf(refs),
      listStaleRunbooks: options => store.listStaleRunbooks(options),
    },
  };
}
