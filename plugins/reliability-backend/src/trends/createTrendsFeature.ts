import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleDemoSeeder } from '../shared/demoSeeding';
import { scheduleRefresher } from '../shared/refresher';
import { readTrendsConfig } from './config';
import { DemoTrendsSeeder } from './demo/DemoTrendsSeeder';
import { createTrendsRouter } from './router';
import { TrendsMaturitySource, TrendsSloStateSource } from './sources';
import { KnexTrendsStore } from './store/KnexTrendsStore';
import { TrendsRefresher } from './TrendsRefresher';
import { TrendsService } from './TrendsService';

/** The trends feature. */
export type TrendsFeature = ReliabilityFeature & {
  name: 'trends';
  /** Daily snapshots, series and the team leaderboard. */
  service: TrendsService;
};

/**
 * Builds the trends area: schedules the daily snapshot of the maturity roll-ups and SLO attainment
 * (`reliability-trends-refresh`, global, once a day at `reliability.trends.snapshotHour`) with its retention and,
 * in demo mode only, the synthetic history seeder.
 */
export async function createTrendsFeature(
  ctx: ReliabilityContext,
  deps: {
    /** The checklist area: the checklist in force and each entity's score and level. */
    maturity: TrendsMaturitySource;
    /** The SLO area: each SLO's newest state. */
    slos: TrendsSloStateSource;
  },
): Promise<TrendsFeature> {
  const config = readTrendsConfig(ctx.config, ctx.logger);
  const service = new TrendsService({
    store: new KnexTrendsStore({ knex: ctx.knex }),
    maturity: deps.maturity,
    slos: deps.slos,
    catalog: ctx.catalog,
    snapshotHour: config.snapshotHour,
    now: ctx.now,
    onSloError: (entityRef, error) =>
      ctx.logger.warn(
        `Trends snapshot left out the SLOs of ${entityRef}: ${error}`,
      ),
  });
  const refresher = new TrendsRefresher({
    service,
    auth: ctx.auth,
    logger: ctx.logger,
    retentionDays: config.retentionDays,
  });
  await scheduleRefresher(
    ctx.scheduler,
    'reliability-trends-refresh',
    {
      frequency: { cron: `0 ${config.snapshotHour} * * *` },
      timeout: { minutes: 30 },
    },
    refresher,
  );
  if (config.demoSeeding) {
    const seeder = new DemoTrendsSeeder({
      service,
      checklist: deps.maturity.checklist,
      auth: ctx.auth,
      refresher,
      logger: ctx.logger,
      now: ctx.now,
    });
    // Not the area's refresh: fills the demo history once the checklist has scored the demo catalog (every pass
    // writes the same rows and never overwrites a measured snapshot; after that the seeder does nothing).
    await scheduleDemoSeeder(ctx.scheduler, 'trends', seeder, {
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 2 },
    });
  }
  return {
    name: 'trends',
    router: createTrendsRouter({
      httpAuth: ctx.httpAuth,
      catalog: ctx.catalog,
      service,
    }),
    service,
  };
}
