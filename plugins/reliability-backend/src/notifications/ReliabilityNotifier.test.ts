import { mockServices } from '@backstage/backend-test-utils';
import { memoryLog } from './__testUtils__/memoryLog';
import { NOTIFICATION_KINDS, NotificationKind } from './config';
import {
  ReliabilityNotification,
  ReliabilityNotifier,
} from './ReliabilityNotifier';

const allOn = Object.fromEntries(
  NOTIFICATION_KINDS.map(k => [k, true]),
) as Record<NotificationKind, boolean>;

const expired: ReliabilityNotification = {
  kind: 'exemptionExpired',
  subject: 'component:default/orders',
  episode: 'e1',
  recipients: ['component:default/orders'],
  payload: {
    title: 'Exemption expired',
    link: '/catalog/default/component/orders/maturity',
  },
};

function setup(
  options: {
    enabled?: Partial<Record<NotificationKind, boolean>>;
    send?: jest.Mock;
  } = {},
) {
  const send = options.send ?? jest.fn(async () => {});
  const log = memoryLog();
  const logger = mockServices.logger.mock();
  const notifier = new ReliabilityNotifier({
    notifications: { send },
    log,
    enabled: { ...allOn, ...options.enabled },
    logger,
    now: () => new Date('2026-12-01T00:00:00Z'),
  });
  return { notifier, send, log, logger };
}

describe('ReliabilityNotifier', () => {
  it('sends each notification once, to its recipients, with a topic per kind', async () => {
    const { notifier, send } = setup();
    expect(await notifier.send([expired, expired])).toBe(1);
    expect(await notifier.send([expired])).toBe(0);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ['component:default/orders'] },
      payload: {
        topic: 'reliability-exemptionExpired',
        title: 'Exemption expired',
        link: '/catalog/default/component/orders/maturity',
      },
    });
    expect(await notifier.send([{ ...expired, episode: 'e2' }])).toBe(1);
  });

  it('sends nothing of a kind switched off, nor without recipients', async () => {
    const { notifier, send, log } = setup({
      enabled: { exemptionExpired: false },
    });
    expect(await notifier.send([expired])).toBe(0);
    expect(
      await notifier.send([
        { ...expired, kind: 'exemptionDecided', recipients: [] },
      ]),
    ).toBe(0);
    expect(send).not.toHaveBeenCalled();
    expect(log.keys.size).toBe(0);
  });

  it('releases the claim when sending fails, so the next run retries', async () => {
    const send = jest
      .fn()
      .mockRejectedValueOnce(new Error('notifications backend down'))
      .mockResolvedValue(undefined);
    const { notifier, logger } = setup({ send });
    expect(await notifier.send([expired])).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('notifications backend down'),
    );
    expect(await notifier.send([expired])).toBe(1);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('sends nothing without the notifications service', async () => {
    const notifier = new ReliabilityNotifier({
      log: memoryLog(),
      enabled: allOn,
      logger: mockServices.logger.mock(),
      now: () => new Date(),
    });
    expect(await notifier.send([expired])).toBe(0);
  });
});
