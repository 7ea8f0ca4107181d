import { TestDatabases } from '@backstage/backend-test-utils';
import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import { testNotifier } from './__testUtils__/testNotifier';
import { migrateDatabase } from '../database/migrateDatabase';
import { memoryLog } from './__testUtils__/memoryLog';
import { NotificationKind } from './config';
import {
  RunbookNotifications,
  StaleRunbookSource,
} from './runbookNotifications';
import { KnexNotificationLogStore } from './store/KnexNotificationLogStore';
import { NotificationLogStore } from './store/NotificationLogStore';

jest.setTimeout(60_000);

const ORDERS = 'component:default/orders-api';
const PAYMENTS = 'component:default/payments-api';

function runbook(id: string, overrides: Partial<RunbookEntry> = {}) {
  return {
    id,
    title: `Roll back ${id}`,
    kind: 'runbook' as const,
    answers: [],
    owner: null,
    lastReviewed: '2026-01-10',
    stale: true,
    url: null,
    source: 'markdown' as const,
    location: null,
    error: null,
    ...overrides,
  };
}

/** A runbook index whose stale runbooks the test sets; paged like the store (by entity ref, then id). */
function staleIndex() {
  const state: { stale: Array<{ entityRef: string; runbook: RunbookEntry }> } =
    { stale: [] };
  const source: StaleRunbookSource = {
    listStaleRunbooks: async ({ after, limit }) =>
      [...state.stale]
        .sort(
          (a, b) =>
            a.entityRef.localeCompare(b.entityRef) ||
            a.runbook.id.localeCompare(b.runbook.id),
        )
        .filter(
          s =>
            !after ||
            s.entityRef > after.entityRef ||
            (s.entityRef === after.entityRef && s.runbook.id > after.runbookId),
        )
        .slice(0, limit),
  };
  return { state, source };
}

function replica(
  source: StaleRunbookSource,
  log: NotificationLogStore,
  enabled: Partial<Record<NotificationKind, boolean>> = {},
) {
  const { notifier, send } = testNotifier({
    now: () => new Date('2026-12-01T10:00:00Z'),
    log,
    enabled,
  });
  const notifications = new RunbookNotifications({
    runbooks: source,
    notifier,
  });
  const sent = () =>
    send.mock.calls.map(c => [
      c[0].payload.topic.replace('reliability-', ''),
      c[0].recipients.entityRef[0],
      c[0].payload.title,
    ]);
  return { notifications, send, sent };
}

describe('RunbookNotifications', () => {
  it('tells the owners once per transition to stale, with a link to the runbook', async () => {
    const { state, source } = staleIndex();
    const { notifications, send, sent } = replica(source, memoryLog());
    expect(await notifications.run()).toBe(0);

    state.stale = [{ entityRef: ORDERS, runbook: runbook('rollback') }];
    expect(await notifications.run()).toBe(1);
    // Still stale on the next refreshes: not told again.
    expect(await notifications.run()).toBe(0);
    expect(await notifications.run()).toBe(0);

    // Reviewed: fresh, so no longer listed.
    state.stale = [];
    expect(await notifications.run()).toBe(0);
    // That review goes stale in turn: a new transition.
    state.stale = [
      {
        entityRef: ORDERS,
        runbook: runbook('rollback', { lastReviewed: '2026-06-01' }),
      },
    ];
    expect(await notifications.run()).toBe(1);

    expect(sent()).toEqual([
      [
        'runbookStale',
        ORDERS,
        "Runbook 'Roll back rollback' of orders-api is stale",
      ],
      [
        'runbookStale',
        ORDERS,
        "Runbook 'Roll back rollback' of orders-api is stale",
      ],
    ]);
    expect(send.mock.calls[1][0].payload).toMatchObject({
      link: '/catalog/default/component/orders-api/runbooks?runbook=rollback',
      description: expect.stringContaining('2026-06-01'),
    });
  });

  it('tells each stale runbook of every page, leaves out unreadable ones and links, and sends nothing when switched off', async () => {
    const { state, source } = staleIndex();
    state.stale = [
      ...Array.from({ length: 250 }, (_, i) => ({
        entityRef: ORDERS,
        runbook: runbook(`r${String(i).padStart(3, '0')}`),
      })),
      {
        entityRef: PAYMENTS,
        runbook: runbook('never', { lastReviewed: null }),
      },
      {
        entityRef: PAYMENTS,
        runbook: runbook('broken', { error: 'Could not read runbooks/x.md' }),
      },
      {
        entityRef: PAYMENTS,
        runbook: runbook('wiki', { source: 'link', lastReviewed: null }),
      },
    ];
    const off = replica(source, memoryLog(), { runbookStale: false });
    expect(await off.notifications.run()).toBe(0);
    expect(off.send).not.toHaveBeenCalled();

    const on = replica(source, memoryLog());
    expect(await on.notifications.run()).toBe(251);
    expect(on.sent().filter(([, ref]) => ref === PAYMENTS)).toEqual([
      [
        'runbookStale',
        PAYMENTS,
        "Runbook 'Roll back never' of payments-api is stale",
      ],
    ]);
  });

  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  it.each(databases.eachSupportedId())(
    'sends each stale runbook once when two replicas run at the same time, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const { state, source } = staleIndex();
      state.stale = [
        { entityRef: ORDERS, runbook: runbook('rollback') },
        { entityRef: PAYMENTS, runbook: runbook('failover') },
      ];
      const a = replica(source, new KnexNotificationLogStore({ knex }));
      const b = replica(source, new KnexNotificationLogStore({ knex }));
      await Promise.all([a.notifications.run(), b.notifications.run()]);
      await Promise.all([a.notifications.run(), b.notifications.run()]);
      expect([...a.sent(), ...b.sent()].map(([, ref]) => ref).sort()).toEqual([
        ORDERS,
        PAYMENTS,
      ]);
    },
  );
});
