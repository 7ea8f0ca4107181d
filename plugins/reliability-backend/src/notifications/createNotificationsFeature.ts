import Router from 'express-promise-router';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleRefresher } from '../shared/refresher';
import { CampaignNotifications } from './campaignNotifications';
import { ChecklistNotifications } from './checklistNotifications';
import { readNotificationsConfig } from './config';
import { NotificationsRefresher } from './NotificationsRefresher';
import { ReliabilityNotifier } from './ReliabilityNotifier';
import { KnexNotificationLogStore } from './store/KnexNotificationLogStore';

/** The notifications feature: listeners the checklist and campaign areas tell what happened. */
export type NotificationsFeature = ReliabilityFeature & {
  name: 'notifications';
  /** Exemptions decided or expired, maturity levels dropped. */
  checklist: ChecklistNotifications;
  /** Campaigns started, due in 7 days, overdue. */
  campaigns: CampaignNotifications;
};

/**
 * Builds the notifications area: owners hear about what needs them through Backstage's notifications service
 * (`ctx.notifications`; without it nothing is sent). Each kind can be switched off in
 * `reliability.notifications`; each notification goes out once (the sent log), and the log's retention runs daily.
 * The area has no routes.
 */
export async function createNotificationsFeature(
  ctx: ReliabilityContext,
): Promise<NotificationsFeature> {
  const config = readNotificationsConfig(ctx.config);
  const log = new KnexNotificationLogStore({ knex: ctx.knex });
  if (!ctx.notifications) {
    ctx.logger.info(
      'Backstage notifications are not available: reliability notifications are not sent',
    );
  }
  const notifier = new ReliabilityNotifier({
    notifications: ctx.notifications,
    log,
    enabled: config.enabled,
    logger: ctx.logger,
    now: ctx.now,
  });
  await scheduleRefresher(
    ctx.scheduler,
    'reliability-notifications-refresh',
    {
      frequency: { hours: 24 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 5 },
    },
    new NotificationsRefresher({
      log,
      logger: ctx.logger,
      retentionDays: config.retentionDays,
      now: ctx.now,
    }),
  );
  return {
    name: 'notifications',
    router: Router(),
    checklist: new ChecklistNotifications(notifier),
    campaigns: new CampaignNotifications(notifier, () =>
      ctx.now().toISOString().slice(0, 10),
    ),
  };
}
