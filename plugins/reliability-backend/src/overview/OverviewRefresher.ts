import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { OverviewService } from './OverviewService';

/**
 * The overview area's background job (global, every `reliability.overview.rollUps.refreshInterval`): recomputes
 * the stored team and system roll-ups of the org page over the whole catalog, read with the plugin's own
 * credentials, and replaces the previous pass in one transaction (groups that are gone are deleted). The route
 * answers from them only for callers who may read every catalog entity.
 */
export class OverviewRefresher implements Refresher {
  private readonly service: OverviewService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;

  constructor(options: {
    service: OverviewService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    this.service = options.service;
    this.auth = options.auth;
    this.logger = options.logger;
  }

  async run(signal?: AbortSignal) {
    const started = Date.now();
    const credentials = await this.auth.getOwnServiceCredentials();
    const result = await this.service.refreshGroupRollUps(credentials, signal);
    if (result) {
      const index = result.servicesIndex;
      this.logger.info(
        `Reliability overview roll-ups: ${result.serviceCount} services in ${
          result.teams
        } teams and ${result.systems} systems${
          index
            ? `; services index: ${index.written} written, ${index.deleted} deleted`
            : ''
        }, in ${Date.now() - started} ms`,
      );
    } else if (signal?.aborted) {
      this.logger.warn(
        'Reliability overview roll-up pass aborted; the previous pass is kept',
      );
    }
    return result;
  }
}
