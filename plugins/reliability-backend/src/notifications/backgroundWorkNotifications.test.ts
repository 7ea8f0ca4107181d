import { BackgroundTaskStatus } from '@internal/backstage-plugin-reliability-common';
import { testNotifier } from './__testUtils__/testNotifier';
import { BackgroundWorkNotifications } from './backgroundWorkNotifications';
import { NotificationKind } from './config';

const PLATFORM = 'group:default/platform';

function task(overrides: Partial<BackgroundTaskStatus>): BackgroundTaskStatus {
  return {
    id: 'reliability-slo-refresh',
    cadence: 'PT5M',
    state: 'ok',
    lastRun: {
      startedAt: '2026-12-01T10:00:00.000Z',
      endedAt: '2026-12-01T10:00:20.000Z',
      durationMs: 20_000,
      outcome: 'succeeded',
    },
    ...overrides,
  };
}

function setup(
  options: {
    recipients?: string[];
    enabled?: Partial<Record<NotificationKind, boolean>>;
  } = {},
) {
  const state = { tasks: [task({})] };
  const clock = { now: new Date('2026-12-01T10:02:00Z') };
  const { notifier, send, log } = testNotifier({
    now: () => clock.now,
    enabled: options.enabled,
  });
  const list = jest.fn(async () => ({
    tasks: state.tasks,
    checkedAt: clock.now.toISOString(),
    detailsShown: true,
  }));
  const notifications = new BackgroundWorkNotifications({
    backgroundWork: { list },
    notifier,
    log,
    recipients: options.recipients ?? [PLATFORM],
    now: () => clock.now,
  });
  const sent = () =>
    send.mock.calls.map((c: any) => [
      c[0].payload.topic.replace('reliability-', ''),
      c[0].recipients.entityRef[0],
      c[0].payload.title,
    ]);
  return { notifications, state, clock, sent, send, list };
}

describe('BackgroundWorkNotifications', () => {
  it('tells the recipients once when a task fails, once when it runs on time again, and again at the next trouble', async () => {
    const { notifications, state, clock, sent, send } = setup();
    expect(await notifications.run()).toBe(0);
    state.tasks = [
      task({
        state: 'failing',
        lastRun: {
          startedAt: '2026-12-01T10:05:00.000Z',
          endedAt: '2026-12-01T10:05:01.000Z',
          outcome: 'failed',
          error: 'connect ECONNREFUSED prometheus:9090',
        },
      }),
    ];
    expect(await notifications.run()).toBe(1);
    clock.now = new Date('2026-12-01T10:10:00Z');
    expect(await notifications.run()).toBe(0);
    // A run in progress neither tells the trouble again nor calls it over.
    state.tasks = [task({ state: 'running' })];
    expect(await notifications.run()).toBe(0);
    state.tasks = [task({})];
    expect(await notifications.run()).toBe(1);
    expect(await notifications.run()).toBe(0);
    clock.now = new Date('2026-12-01T12:00:00Z');
    state.tasks = [task({ state: 'late' })];
    expect(await notifications.run()).toBe(1);
    expect(sent()).toEqual([
      [
        'backgroundTaskTrouble',
        PLATFORM,
        'Reliability portal: SLO collection failed',
      ],
      [
        'backgroundTaskRecovered',
        PLATFORM,
        'Reliability portal: SLO collection runs on time again',
      ],
      [
        'backgroundTaskTrouble',
        PLATFORM,
        'Reliability portal: SLO collection is late',
      ],
    ]);
    expect((send.mock.calls[0] as any)[0].payload).toMatchObject({
      description: expect.stringContaining(
        'connect ECONNREFUSED prometheus:9090',
      ),
      link: '/reliability/monitoring',
    });
  });

  it('sends nothing, and reads nothing, without recipients', async () => {
    const { notifications, state, send, list } = setup({ recipients: [] });
    state.tasks = [task({ state: 'interrupted' })];
    expect(await notifications.run()).toBe(0);
    expect(send).not.toHaveBeenCalled();
    expect(list).not.toHaveBeenCalled();
  });

  it('closes an episode quietly when recovery notices are off, so the next trouble is told', async () => {
    const { notifications, state, clock, sent } = setup({
      enabled: { backgroundTaskRecovered: false },
    });
    state.tasks = [task({ state: 'late' })];
    await notifications.run();
    state.tasks = [task({})];
    await notifications.run();
    clock.now = new Date('2026-12-01T12:00:00Z');
    state.tasks = [task({ state: 'late' })];
    await notifications.run();
    expect(sent().map(([kind]) => kind)).toEqual([
      'backgroundTaskTrouble',
      'backgroundTaskTrouble',
    ]);
  });
});
