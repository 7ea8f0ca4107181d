import { mockServices } from '@backstage/backend-test-utils';
import { NOTIFICATION_KINDS, NotificationKind } from '../config';
import { ReliabilityNotifier } from '../ReliabilityNotifier';
import { NotificationLogStore } from '../store/NotificationLogStore';
import { memoryLog } from './memoryLog';

/**
 * A notifier for tests: every kind on unless `enabled` switches one off, an in-memory sent log unless one is
 * given, and `send` a mock whose calls are the notifications that went out.
 */
export function testNotifier(options: {
  now: () => Date;
  log?: NotificationLogStore;
  enabled?: Partial<Record<NotificationKind, boolean>>;
}) {
  const send = jest.fn(async (_options: any) => {});
  const log = options.log ?? memoryLog();
  const notifier = new ReliabilityNotifier({
    notifications: { send },
    log,
    enabled: {
      ...(Object.fromEntries(NOTIFICATION_KINDS.map(k => [k, true])) as Record<
        NotificationKind,
        boolean
      >),
      ...options.enabled,
    },
    logger: mockServices.logger.mock(),
    now: options.now,
  });
  return { notifier, send, log };
}
