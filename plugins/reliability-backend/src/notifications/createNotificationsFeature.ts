import Router from 'express-promise-router';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleRefresher } from '../shared/refresher';
import {
  BackgroundWorkNotifications,
  BackgroundWorkSource,
} from './backgroundWorkNotifications';
import { CampaignNotifications } from './campaignNotifications';
import { ChecklistNotifications } from './checklistNotifications';
import { PolicyNotifications } from './policyNotifications';
import { SloSummary } from '@internal/backstage-plugin-reliability-common';
import { SummarySource } from '../summaries';
import { readNotificationsConfig } from './config';
import {
  RunbookNotifications,
  StaleRunbookSource,
} from './runbookNotifications';
import { SloNotifications, SloPageHistory } from './sloNotifications';
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
  /** Services whose error-budget policy state changed. */
  policy: PolicyNotifications;
  /** Sends other areas' notifications, each once (the policy area's scheduled SLO review report). */
  notifier: ReliabilityNotifier;
};

/**
 * Builds the notifications area: owners hear about what needs them through Backstage's notifications service
 * (`ctx.notifications`; without it nothing is sent). Each kind can be switched off in
 * `reliability.notifications`; each notification goes out once (the sent log). Its global task checks SLO burns
 * and budgets from the SLO summaries, stale runbooks from the runbook index and the portal's own background tasks
 * (to `backgroundWorkRecipients`), and applies the log's retention. The area has no routes.
 */
export async function createNotificationsFeature(
  ctx: ReliabilityContext,
  deps: {
    /** SLO summaries: page-severity burns and exhausted budgets. */
    slo?: SummarySource<SloSummary>;
    /** When services last paged (the SLO area's history): a burn's quiet period before it counts as resolved. */
    sloPages?: SloPageHistory;
    /** The runbook index: runbooks that became stale. */
    runbooks?: StaleRunbookSource;
    /** The portal's background tasks: late, failing or interrupted ones, to `backgroundWorkRecipients`. */
    backgroundWork?: BackgroundWorkSource;
  } = {},
): Promise<NotificationsFeature> {
  const config = readNotificationsConfig(ctx.config, ctx.logger);
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
      frequency: config.refreshInterval,
      timeout: { minutes: 10 },
      initialDelay: { minutes: 2 },
    },
    new NotificationsRefresher({
      log,
      logger: ctx.logger,
      retentionDays: config.retentionDays,
      now: ctx.now,
      slo: deps.slo
        ? new SloNotifications({
            slo: deps.slo,
            pages: deps.sloPages,
            quietPeriodMs: config.sloBurnQuietPeriodMs,
            catalog: ctx.catalog,
            auth: ctx.auth,
            notifier,
            log,
            now: ctx.now,
          })
        : undefined,
      runbooks: deps.runbooks
        ? new RunbookNotifications({ runbooks: deps.runbooks, notifier })
        : undefined,
      backgroundWork: deps.backgroundWork
        ? new BackgroundWorkNotifications({
            backgroundWork: deps.backgroundWork,
            notifier,
            log,
            recipients: config.backgroundWorkRecipients,
            now: ctx.now,
          })
        : undefined,
    }),
  );
  return {
    name: 'notifications',
    router: Router(),
    checklist: new ChecklistNotifications(notifier),
    campaigns: new CampaignNotifications(notifier, () =>
      ctx.now().toISOString().slice(0, 10),
    ),
    policy: new PolicyNotifications(notifier),
    notifier,
  };
}
