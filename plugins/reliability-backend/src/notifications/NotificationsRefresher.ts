import { LoggerService } from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { BackgroundWorkNotifications } from './backgroundWorkNotifications';
import { RunbookNotifications } from './runbookNotifications';
import { SloNotifications } from './sloNotifications';
import { NotificationLogStore } from './store/NotificationLogStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link NotificationsRefresher}. */
export interface NotificationsRefresherOptions {
  log: NotificationLogStore;
  logger: LoggerService;
  retentionDays: number;
  now: () => Date;
  /** SLO burn and budget notifications (when the SLO area is present). */
  slo?: SloNotifications;
  /** Stale runbook notifications (when the runbooks area is present). */
  runbooks?: RunbookNotifications;
  /** The portal's own background tasks in trouble (when the background-work area is present). */
  backgroundWork?: BackgroundWorkNotifications;
}

/**
 * The notifications' background job (global: once per cadence across replicas): SLO burn and budget notifications
 * from the SLO summaries, stale runbook notifications from the runbook index, the portal's own background tasks in
 * trouble, then retention of the sent log. (Checklist and campaign notifications go out from the
 * refreshers of those areas.)
 */
export class NotificationsRefresher implements Refresher {
  private readonly options: NotificationsRefresherOptions;

  constructor(options: NotificationsRefresherOptions) {
    this.options = options;
  }

  async run(signal?: AbortSignal): Promise<{ sent: number; deleted: number }> {
    const { log, logger, retentionDays, now, slo, runbooks, backgroundWork } =
      this.options;
    let sent = slo ? await slo.run(signal) : 0;
    sent += runbooks ? await runbooks.run(signal) : 0;
    sent += backgroundWork ? await backgroundWork.run() : 0;
    const deleted = await log.deleteBefore(
      new Date(now().getTime() - retentionDays * DAY_MS),
    );
    if (deleted > 0) {
      logger.info(
        `Deleted ${deleted} entries of the notification log older than ${retentionDays} days`,
      );
    }
    return { sent, deleted };
  }
}
