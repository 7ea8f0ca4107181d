import { LoggerService } from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { NotificationLogStore } from './store/NotificationLogStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link NotificationsRefresher}. */
export interface NotificationsRefresherOptions {
  log: NotificationLogStore;
  logger: LoggerService;
  retentionDays: number;
  now: () => Date;
}

/**
 * The notifications' background job: retention of the sent log. (Notifications themselves go out from the
 * refreshers of the areas they are about, which run once per cadence across replicas.)
 */
export class NotificationsRefresher implements Refresher {
  private readonly options: NotificationsRefresherOptions;

  constructor(options: NotificationsRefresherOptions) {
    this.options = options;
  }

  async run(): Promise<{ deleted: number }> {
    const { log, logger, retentionDays, now } = this.options;
    const deleted = await log.deleteBefore(
      new Date(now().getTime() - retentionDays * DAY_MS),
    );
    if (deleted > 0) {
      logger.info(
        `Deleted ${deleted} entries of the notification log older than ${retentionDays} days`,
      );
    }
    return { deleted };
  }
}
