import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { CampaignService, MeasuredCampaign } from './CampaignService';

/** Told what every refresh measured (notifications: campaign started, due soon, overdue). */
export interface CampaignListener {
  campaignsMeasured(campaigns: MeasuredCampaign[]): Promise<void>;
}

/** Outcome of one refresh run. */
export interface CampaignsRefreshResult {
  measured: number;
  deletedSnapshots: number;
}

/** Options of {@link CampaignsRefresher}. */
export interface CampaignsRefresherOptions {
  service: CampaignService;
  auth: AuthService;
  logger: LoggerService;
  retentionDays: number;
  listener?: CampaignListener;
}

/**
 * The campaigns' background job (global: once per cadence across replicas): measures every active campaign
 * that has started and stores today's snapshot (the last run of a day wins), tells the listener, and deletes
 * snapshots past their retention or of campaigns that no longer exist. Reads the catalog with the plugin's own
 * credentials.
 */
export class CampaignsRefresher implements Refresher {
  private readonly options: CampaignsRefresherOptions;

  constructor(options: CampaignsRefresherOptions) {
    this.options = options;
  }

  async run(signal?: AbortSignal): Promise<CampaignsRefreshResult> {
    const { service, auth, logger, retentionDays, listener } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const measured = await service.snapshotActive(credentials);
    if (signal?.aborted) {
      return { measured: measured.length, deletedSnapshots: 0 };
    }
    if (listener && measured.length > 0) {
      await listener.campaignsMeasured(measured);
    }
    const deletedSnapshots = await service.applyRetention(retentionDays);
    if (deletedSnapshots > 0) {
      logger.info(
        `Deleted ${deletedSnapshots} campaign snapshots past their retention (${retentionDays} days) or of removed campaigns`,
      );
    }
    return { measured: measured.length, deletedSnapshots };
  }
}
