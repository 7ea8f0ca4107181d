import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { TrendsService } from './TrendsService';

/** Outcome of one refresh run. */
export interface TrendsRefreshResult {
  day: string;
  maturityRows: number;
  sloRows: number;
  deletedRows: number;
}

/** Options of {@link TrendsRefresher}. */
export interface TrendsRefresherOptions {
  service: TrendsService;
  auth: AuthService;
  logger: LoggerService;
  retentionDays: number;
}

/**
 * The trends area's background job (global, once a day across replicas): takes today's snapshot of every
 * scope's maturity and every team's SLO attainment (a second run on the same day replaces the first), then
 * deletes snapshots past their retention. Reads the catalog with the plugin's own credentials.
 */
export class TrendsRefresher implements Refresher {
  private readonly options: TrendsRefresherOptions;

  constructor(options: TrendsRefresherOptions) {
    this.options = options;
  }

  async run(signal?: AbortSignal): Promise<TrendsRefreshResult> {
    const { service, auth, logger, retentionDays } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { day, maturity, slo } = await service.takeSnapshot(credentials);
    const result = {
      day,
      maturityRows: maturity.length,
      sloRows: slo.length,
      deletedRows: 0,
    };
    if (signal?.aborted) return result;
    result.deletedRows = await service.applyRetention(retentionDays);
    const deleted =
      result.deletedRows > 0
        ? `; deleted ${result.deletedRows} rows older than ${retentionDays} days`
        : '';
    logger.info(
      `Reliability trends snapshot of ${day}: ${result.maturityRows} maturity and ${result.sloRows} SLO rows${deleted}`,
    );
    return result;
  }
}
