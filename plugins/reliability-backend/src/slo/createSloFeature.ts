import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { SloSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../features';
import { SummarySource } from '../summaries';
import { SloBurndownService } from './burndown/SloBurndownService';
import { DemoSliSeeder } from './demo/DemoSliSeeder';
import {
  EMBEDDED_SLI_TYPE,
  EmbeddedSliProvider,
} from './embedded/EmbeddedSliProvider';
import { KnexSliEventStore } from './embedded/KnexSliEventStore';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { createSloRouter } from './createSloRouter';
import { SloCollector } from './SloCollector';
import { SloDefinitionLoader } from './SloDefinitionLoader';
import { SloService } from './SloService';
import { KnexSloStore } from './store/KnexSloStore';

/** The SLO feature: routes, scheduled collection, and SLO summaries for the other areas. */
export interface SloFeature extends ReliabilityFeature {
  name: 'slo';
  summaries: SummarySource<SloSummary>;
  service: SloService;
  /**
   * The cached loader of an entity's SLO definitions (file named by its annotation, or inline), for areas that
   * explain or match SLOs (runbooks, the architecture tour). Shared so every area hits the same cache.
   */
  definitions: Pick<SloDefinitionLoader, 'load'>;
}

function durationAt(
  ctx: ReliabilityContext,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return ctx.config.has(key)
    ? readDurationFromConfig(ctx.config, { key })
    : fallback;
}

/** Builds the SLO feature from the shared context and registers the embedded SLI provider. */
export function createSloFeature(ctx: ReliabilityContext): SloFeature {
  const eventStore = new KnexSliEventStore(ctx.database);
  if (
    !ctx.sliProviders.some(
      p => p.type.toLocaleLowerCase('en-US') === EMBEDDED_SLI_TYPE,
    )
  ) {
    ctx.sliProviders.push(new EmbeddedSliProvider(eventStore));
  }
  const demoSeeding =
    ctx.config.getOptionalBoolean('reliability.demo.seedSliEvents') ?? false;

  const store = new KnexSloStore(ctx.database);
  const loader = new SloDefinitionLoader({
    urlReader: ctx.urlReader,
    now: ctx.now,
  });
  const evaluator = new SloEvaluator({
    providers: ctx.sliProviders,
    callTimeoutMs: durationToMilliseconds(
      durationAt(ctx, 'reliability.slo.collection.providerTimeout', {
        seconds: 10,
      }),
    ),
    dataSourceLabel: type =>
      demoSeeding && type === EMBEDDED_SLI_TYPE
        ? `${EMBEDDED_SLI_TYPE} (demo data)`
        : type,
  });
  const service = new SloService({
    loader,
    evaluator,
    store,
    logger: ctx.logger,
    now: ctx.now,
  });
  const collectionFrequency = durationAt(
    ctx,
    'reliability.slo.collection.frequency',
    { minutes: 5 },
  );
  const burndown = new SloBurndownService({
    loader,
    evaluator,
    logger: ctx.logger,
    now: ctx.now,
    cacheTtlMs: durationToMilliseconds(collectionFrequency),
    cheapProviderTypes: [EMBEDDED_SLI_TYPE],
  });
  const collector = new SloCollector({
    auth: ctx.auth,
    catalog: ctx.catalog,
    scheduler: ctx.scheduler,
    logger: ctx.logger,
    service,
    store,
    eventStore,
    now: ctx.now,
    options: {
      schedule: {
        frequency: collectionFrequency,
        timeout: durationAt(ctx, 'reliability.slo.collection.timeout', {
          minutes: 2,
        }),
        initialDelay: durationAt(
          ctx,
          'reliability.slo.collection.initialDelay',
          { seconds: 15 },
        ),
      },
      retentionDays:
        ctx.config.getOptionalNumber('reliability.slo.retention.days') ?? 90,
      sliEventsRetentionDays: ctx.config.getOptionalNumber(
        'reliability.slo.retention.sliEventsDays',
      ),
    },
  });
  const seeder = demoSeeding
    ? new DemoSliSeeder({
        collector,
        loader,
        eventStore,
        scheduler: ctx.scheduler,
        logger: ctx.logger,
        now: ctx.now,
      })
    : undefined;

  return {
    name: 'slo',
    router: createSloRouter({
      httpAuth: ctx.httpAuth,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      service,
      burndown,
      eventStore,
      now: ctx.now,
    }),
    start: async () => {
      await seeder?.start();
      await collector.start();
    },
    summaries: service,
    service,
    definitions: loader,
  };
}
