import { durationToMilliseconds } from '@backstage/types';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleRefresher } from '../shared/refresher';
import {
  EntityDocumentReader,
  readDocumentAllowRules,
} from '../shared/entityDocuments';
import type { SloDefinitionSource } from '../slo';
import {
  overviewTaskFrequency,
  readOverviewConfig,
  servicesIndexMaxAgeMs,
} from './config';
import { OverviewRefresher } from './OverviewRefresher';
import { OverviewService } from './OverviewService';
import { createOverviewRouter } from './router';
import { OverviewSources } from './sources';
import { KnexServicesIndexStore } from './store/KnexServicesIndexStore';
import { KnexOverviewStore } from './store/KnexOverviewStore';
import { BlastRadiusService } from './tour/blastRadius/BlastRadiusService';
import { JourneyReader } from './tour/journeys/JourneyReader';
import { TourService } from './tour/TourService';
import { EntitySloStates, RunbookIndex } from './tour/tourSources';

/**
 * The overview feature: routes, plus its two services for the areas that answer the same questions elsewhere
 * (the actions area's `list-services-at-risk` and `explain-system`). It stores the team and system roll-ups and
 * the services index.
 */
export type OverviewFeature = ReliabilityFeature & {
  name: 'overview';
  overview: OverviewService;
  tour: TourService;
};

/** What the tour reads from other areas besides the summaries. */
export interface TourDeps {
  /** The SLO area's cached definitions loader: the tour explains what each SLO promises. */
  sloDefinitions: SloDefinitionSource;
  /** The runbooks area's index: runbook titles and kinds (reading path, journeys, blast radius). */
  runbookIndex?: RunbookIndex;
  /** The SLO area's newest SLO states: the live state of a journey's SLO. */
  sloStates?: EntitySloStates;
}

/**
 * The org overview (`/overview`, `/overview.csv`, `/overview/summaries`), the architecture tour
 * (`/tour/systems/...`, `/tour/domains/...`, with user journeys read from journey files through the shared
 * document reader) and the blast radius (`/tour/blast-radius/...`). Reads the catalog with the caller's
 * credentials and the other areas through their summary sources, the maturity level index, the runbook
 * index and the SLO area's definitions and states. It stores the team and system roll-ups of the org page and
 * the services index its pages are listed from, both kept by the {@link OverviewRefresher}
 * (`reliability-overview-refresh`, global, every `reliability.overview.rollUps.refreshInterval`).
 */
export async function createOverviewFeature(
  ctx: ReliabilityContext,
  sources: OverviewSources & TourDeps,
): Promise<OverviewFeature> {
  const { sloDefinitions, runbookIndex, sloStates, ...summaries } = sources;
  const config = readOverviewConfig(ctx.config, ctx.logger);
  const overview = new OverviewService({
    catalog: ctx.catalog,
    sources: summaries,
    store: new KnexOverviewStore({ knex: ctx.knex }),
    servicesIndex: config.servicesIndexEnabled
      ? {
          store: new KnexServicesIndexStore({ knex: ctx.knex }),
          maxAgeMs: servicesIndexMaxAgeMs(config),
          logger: ctx.logger,
        }
      : undefined,
    now: ctx.now,
  });
  await scheduleRefresher(
    ctx.scheduler,
    'reliability-overview-refresh',
    {
      frequency: overviewTaskFrequency(config),
      timeout: config.rollUpTimeout,
    },
    new OverviewRefresher({
      service: overview,
      auth: ctx.auth,
      logger: ctx.logger,
      refreshIntervalMs: durationToMilliseconds(config.rollUpRefreshInterval),
      now: ctx.now,
    }),
  );
  const journeys = new JourneyReader({
    documents: new EntityDocumentReader({
      urlReader: ctx.urlReader,
      allow: readDocumentAllowRules(ctx.config),
    }),
    now: ctx.now,
  });
  const tour = new TourService({
    catalog: ctx.catalog,
    sources: summaries,
    sloDefinitions,
    runbookIndex,
    sloStates,
    journeys,
  });
  const blastRadius = new BlastRadiusService({
    catalog: ctx.catalog,
    sources: summaries,
    runbookIndex,
  });
  return {
    name: 'overview',
    router: createOverviewRouter({
      httpAuth: ctx.httpAuth,
      permissions: ctx.permissions,
      overview,
      tour,
      blastRadius,
      csvMaxRows: config.csvMaxRows,
    }),
    overview,
    tour,
  };
}
