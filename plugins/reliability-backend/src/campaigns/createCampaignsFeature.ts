import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleRefresher } from '../shared/refresher';
import { loadCampaignFiles } from './campaignFiles';
import { CampaignService } from './CampaignService';
import { CampaignListener, CampaignsRefresher } from './CampaignsRefresher';
import { readCampaignsConfig } from './config';
import { createCampaignsRouter } from './router';
import { CampaignMaturitySource } from './sources';
import { KnexCampaignStore } from './store/KnexCampaignStore';

/** The campaigns feature. */
export type CampaignsFeature = ReliabilityFeature & {
  name: 'campaigns';
  /** Campaigns and their progress (for notifications and actions). */
  service: CampaignService;
};

/**
 * Builds the campaigns area: reads the campaigns kept as code (validated against the checklist; an invalid file
 * stops the backend), and schedules the daily measurement (burn-up snapshots) with its retention.
 */
export async function createCampaignsFeature(
  ctx: ReliabilityContext,
  deps: {
    /** The checklist area: the checklist in force and each entity's level and passing items. */
    maturity: CampaignMaturitySource;
    /** Told what each refresh measured (the notifications area). */
    listener?: CampaignListener;
  },
): Promise<CampaignsFeature> {
  const config = readCampaignsConfig(ctx.config, ctx.logger);
  const fileCampaigns = await loadCampaignFiles(
    config.files,
    deps.maturity.checklist,
  );
  if (fileCampaigns.length > 0) {
    ctx.logger.info(
      `Reliability campaigns kept as code: ${fileCampaigns
        .map(c => c.id)
        .join(', ')}`,
    );
  }
  const service = new CampaignService({
    store: new KnexCampaignStore({ knex: ctx.knex }),
    fileCampaigns,
    maturity: deps.maturity,
    catalog: ctx.catalog,
    now: ctx.now,
  });
  await scheduleRefresher(
    ctx.scheduler,
    'reliability-campaigns-refresh',
    {
      frequency: config.refreshInterval,
      timeout: { minutes: 15 },
      initialDelay: { minutes: 1 },
    },
    new CampaignsRefresher({
      service,
      auth: ctx.auth,
      logger: ctx.logger,
      retentionDays: config.retentionDays,
      listener: deps.listener,
    }),
  );
  return {
    name: 'campaigns',
    router: createCampaignsRouter({
      auth: ctx.auth,
      httpAuth: ctx.httpAuth,
      userInfo: ctx.userInfo,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      service,
    }),
    service,
  };
}
