import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  readConfigSection,
  readDuration,
  readDurationMs,
} from '../shared/config';
import { z } from 'zod';

/** Every kind of notification the suite sends; each can be switched off with `reliability.notifications.<kind>: false`. */
export const NOTIFICATION_KINDS = [
  'exemptionDecided',
  'exemptionExpired',
  'maturityLevelDropped',
  'campaignStarted',
  'campaignDueSoon',
  'campaignOverdue',
  'sloReviewReport',
  'sloBurn',
  'sloBurnResolved',
  'sloBudgetExhausted',
  'policyStateChanged',
  'deployGateOverridden',
  'deployGateOverrideRevoked',
  'runbookStale',
  'backgroundTaskTrouble',
  'backgroundTaskRecovered',
] as const;

/** @public */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Configuration of the notifications area, read from `reliability.notifications.*`. */
export interface NotificationsConfig {
  /** Which kinds are sent (all by default). */
  enabled: Record<NotificationKind, boolean>;
  /** Days the log of sent notifications is kept (what makes each notification go out once). */
  retentionDays: number;
  /** How often SLO burn and budget notifications are checked (and the log's retention applied). */
  refreshInterval: HumanDuration;
  /** Who hears about the portal's own background tasks (entity refs); none by default. */
  backgroundWorkRecipients: string[];
  /**
   * How long no page-severity burn must be seen before a burn counts as resolved (`sloBurnResolved`); a burn that
   * comes back sooner stays one episode. 0 resolves at the first check without one.
   */
  sloBurnQuietPeriodMs: number;
}

const KEY = 'reliability.notifications';

const schema = z.strictObject({
  ...Object.fromEntries(
    NOTIFICATION_KINDS.map(kind => [kind, z.boolean().default(true)]),
  ),
  retentionDays: z.number().int().min(30).max(3650).default(400),
  backgroundWorkRecipients: z
    .array(
      z
        .string()
        .regex(
          /^[a-z][a-z0-9_-]*:[a-z0-9_.-]+\/[a-z0-9_.-]+$/i,
          'a full entity ref such as group:default/platform',
        ),
    )
    .default([]),
  // Durations: validated by readDuration below.
  refreshInterval: z.unknown().optional(),
  sloBurnQuietPeriod: z.unknown().optional(),
});

/** Reads and validates `reliability.notifications`; throws a clear error at startup when it is invalid. */
export function readNotificationsConfig(
  config: Config,
  logger?: LoggerService,
): NotificationsConfig {
  const data = readConfigSection(config, KEY, schema) as Record<
    string,
    unknown
  >;
  return {
    enabled: Object.fromEntries(
      NOTIFICATION_KINDS.map(kind => [kind, data[kind] !== false]),
    ) as Record<NotificationKind, boolean>,
    retentionDays: data.retentionDays as number,
    backgroundWorkRecipients: data.backgroundWorkRecipients as string[],
    refreshInterval: readDuration(
      config,
      `${KEY}.refreshInterval`,
      { minutes: 5 },
      { logger, min: { minutes: 1 }, max: { hours: 24 } },
    ),
    sloBurnQuietPeriodMs: readDurationMs(
      config,
      `${KEY}.sloBurnQuietPeriod`,
      { minutes: 30 },
      { logger, min: { minutes: 0 }, max: { hours: 24 } },
    ),
  };
}
