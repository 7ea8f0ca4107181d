import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { NotificationKind } from './config';
import {
  NotificationKey,
  NotificationLogStore,
} from './store/NotificationLogStore';

/** One notification to send. */
export interface ReliabilityNotification {
  kind: NotificationKind;
  /** What it is about (part of the once-only key). */
  subject: string;
  /** Which occurrence (part of the once-only key). */
  episode: string;
  /** Entity refs: a Group (its members), a User, or any other entity (its owner's members). */
  recipients: string[];
  payload: NotificationSendOptions['payload'];
}

/** Options of {@link ReliabilityNotifier}. */
export interface ReliabilityNotifierOptions {
  /** Backstage notifications; undefined when the plugin is not installed (nothing is sent). */
  notifications?: Pick<NotificationService, 'send'>;
  log: NotificationLogStore;
  enabled: Record<NotificationKind, boolean>;
  logger: LoggerService;
  now: () => Date;
}

/**
 * Sends the suite's notifications through Backstage's notifications service, each once: the key (kind, subject,
 * episode) is claimed in the sent log first, and released again when sending fails so a later run retries.
 * Kinds switched off in config are not sent (nor logged).
 */
export class ReliabilityNotifier {
  private readonly options: ReliabilityNotifierOptions;

  constructor(options: ReliabilityNotifierOptions) {
    this.options = options;
  }

  /** Whether notifications of a kind are sent at all. */
  isEnabled(kind: NotificationKind): boolean {
    return Boolean(this.options.notifications) && this.options.enabled[kind];
  }

  /** Sends each notification whose kind is on and that was not sent before; returns how many it sent. */
  async send(notifications: ReliabilityNotification[]): Promise<number> {
    const { notifications: service, log, enabled, logger, now } = this.options;
    if (!service) return 0;
    let sent = 0;
    for (const n of notifications) {
      if (!enabled[n.kind] || n.recipients.length === 0) continue;
      const key: NotificationKey = {
        kind: n.kind,
        subject: n.subject,
        episode: n.episode,
      };
      if (!(await log.claim(key, now()))) continue;
      try {
        await service.send({
          recipients: { type: 'entity', entityRef: n.recipients },
          payload: { topic: `reliability-${n.kind}`, ...n.payload },
        });
        sent += 1;
      } catch (error) {
        await log.release(key);
        logger.warn(
          `Reliability notification ${n.kind} about ${
            n.subject
          } not sent (retried on the next run): ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    }
    return sent;
  }
}
