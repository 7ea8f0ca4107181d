import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { Duration } from 'luxon';
import { SloSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { readDocumentAllowRules } from '../shared/entityDocuments';
import { scheduleRefresher } from '../shared/refresher';
import {
  CompletableDemoSeeder,
  scheduleDemoSeeder,
} from '../shared/demoSeeding';
import { SummarySource } from '../summaries';
import { SloBurndownService } from './burndown/SloBurndownService';
import { readSloConfig } from './config';
import { DemoSliSeeder } from './demo/DemoSliSeeder';
import {
  EMBEDDED_SLI_TYPE,
  EmbeddedSliProvider,
} from './embedded/EmbeddedSliProvider';
import { KnexSliEventStore } from './embedded/KnexSliEventStore';
import { SliIngestService } from './embedded/SliIngestService';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { createSloRouter } from './router';
import { SloDefinitionLoader } from './SloDefinitionLoader';
import { SloDefinitionSource } from './SloDefinitionSource';
import { SloRefresher } from './SloRefresher';
import { budgetCycleMs } from '../shared/budgetCycle';
import { SloService } from './SloService';
import { KnexSloStore } from './store/KnexSloStore';
import { AreaDataReadiness } from '../dataReadiness';

/** The SLO area as the later areas see it: routes, SLO summaries, the service and the definitions. */
export interface SloFeature extends ReliabilityFeature {
  readonly name: 'slo';
  readonly summaries: SummarySource<SloSummary>;
  /** The tasks (and, in the demo, the seeder) that fill its summaries after a start. */
  readonly dataReadiness: AreaDataReadiness;
  readonly service: SloService;
  /**
   * The cached loader of an entity's SLO definitions, for areas that explain or match SLOs (runbooks, the
   * overview's tour). Shared so every area hits the same cache.
   */
  readonly definitions: SloDefinitionSource;
  /** Writes SLI event counts to the embedded SLI store (the HTTP route and the `submit-sli-events` action). */
  readonly ingest: SliIngestService;
}

/** Milliseconds of a schedule's duration; a cron or manual frequency (never read from config here) has no bound. */
function scheduleMs(
  duration: SchedulerServiceTaskScheduleDefinition['frequency'],
): number {
  if (Duration.isDuration(duration)) return duration.toMillis();
  if ('cron' in duration || 'trigger' in duration) return Infinity;
  return durationToMilliseconds(duration);
}

/**
 * Builds the SLO area: the SLI providers of the modules plus the embedded one (unless a module registered an
 * `embedded` provider itself), the stores, services and router; schedules the SLO refresher and, in demo mode,
 * the demo SLI seeder.
 */
export async function createSloFeature(
  ctx: ReliabilityContext,
): Promise<SloFeature> {
  const config = readSloConfig(ctx.config, ctx.logger);
  const eventStore = new KnexSliEventStore({ knex: ctx.knex });
  const sliProviders = [...ctx.sliProviders];
  if (!sliProviders.some(p => p.type.toLowerCase() === EMBEDDED_SLI_TYPE)) {
    sliProviders.push(new EmbeddedSliProvider({ store: eventStore }));
  }

  const store = new KnexSloStore({ knex: ctx.knex });
  const loader = new SloDefinitionLoader({
    urlReader: ctx.urlReader,
    now: ctx.now,
    documentAllow: readDocumentAllowRules(ctx.config),
    maxParsedTexts: config.definitionCacheEntries,
    logger: ctx.logger,
  });
  const evaluator = new SloEvaluator({
    providers: sliProviders,
    callTimeoutMs: config.providerTimeoutMs,
    dataSourceLabel: type =>
      config.demoSeeding && type === EMBEDDED_SLI_TYPE
        ? `${EMBEDDED_SLI_TYPE} (demo data)`
        : type,
  });
  const service = new SloService({
    loader,
    evaluator,
    store,
    logger: ctx.logger,
    now: ctx.now,
    collectionOverdueAfterMs:
      2 * scheduleMs(config.refreshSchedule.frequency) +
      scheduleMs(config.refreshSchedule.timeout),
  });
  const burndown = new SloBurndownService({
    loader,
    evaluator,
    logger: ctx.logger,
    now: ctx.now,
    cacheTtlMs: config.burndownCacheTtlMs,
    cheapProviderTypes: [EMBEDDED_SLI_TYPE],
  });
  const refresher = new SloRefresher({
    auth: ctx.auth,
    catalog: ctx.catalog,
    logger: ctx.logger,
    service,
    store,
    eventStore,
    now: ctx.now,
    snapshotRetentionDays: config.snapshotRetentionDays,
    sliEventsRetentionDays: config.sliEventsRetentionDays,
    cycleMs: budgetCycleMs(
      scheduleMs(config.refreshSchedule.frequency),
      scheduleMs(config.refreshSchedule.timeout),
    ),
  });
  const refreshTask = await scheduleRefresher(
    ctx.scheduler,
    'reliability-slo-refresh',
    config.refreshSchedule,
    refresher,
  );

  let demoSeeder: CompletableDemoSeeder | undefined;
  if (config.demoSeeding) {
    ctx.logger.warn(
      'reliability.demo.seedSliEvents is on: writing SYNTHETIC SLI events (demo only, never in production)',
    );
    const seeder = new DemoSliSeeder({
      catalog: ctx.catalog,
      auth: ctx.auth,
      refresher,
      loader,
      eventStore,
      logger: ctx.logger,
      now: ctx.now,
    });
    demoSeeder = seeder;
    // Its own task: it appends the minutes passed since its last run, so the demo data keeps flowing.
    await scheduleDemoSeeder(ctx.scheduler, 'slo', seeder, {
      frequency: { minutes: 1 },
      timeout: { minutes: 2 },
      initialDelay: { seconds: 5 },
    });
  }

  const ingest = new SliIngestService({ events: eventStore });
  return {
    name: 'slo',
    dataReadiness: { taskIds: [refreshTask], demoSeeder },
    router: createSloRouter({
      httpAuth: ctx.httpAuth,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      service,
      burndown,
      ingest,
      now: ctx.now,
    }),
    summaries: service,
    service,
    definitions: loader,
    ingest,
  };
}
