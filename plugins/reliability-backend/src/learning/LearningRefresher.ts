import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { LearningService } from './LearningService';

/** Options of {@link LearningRefresher}. */
export interface LearningRefresherOptions {
  service: LearningService;
  auth: AuthService;
  logger: LoggerService;
  retentionDays: number;
}

/**
 * The learning area's background job (global: once per cadence across replicas). The area materialises nothing
 * (paths are read from their files when asked), so a run only applies retention, with the plugin's own
 * credentials: progress of items no longer in a path and of users gone from the catalog, older than
 * `retentionDays`.
 */
export class LearningRefresher implements Refresher {
  private readonly options: LearningRefresherOptions;

  constructor(options: LearningRefresherOptions) {
    this.options = options;
  }

  async run(signal?: AbortSignal): Promise<{ deletedProgress: number }> {
    const { service, auth, logger, retentionDays } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const deletedProgress = await service.applyRetention(
      retentionDays,
      credentials,
      signal,
    );
    if (deletedProgress > 0) {
      logger.info(
        `Deleted ${deletedProgress} learning progress rows of items no longer in a path or of users gone from the catalog (older than ${retentionDays} days)`,
      );
    }
    return { deletedProgress };
  }
}
