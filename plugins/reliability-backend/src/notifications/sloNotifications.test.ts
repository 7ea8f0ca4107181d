import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SloSummary } from '@internal/backstage-plugin-reliability-common';
import { testNotifier } from './__testUtils__/testNotifier';
import { NotificationKind } from './config';
import { SloNotifications, SloPageHistory } from './sloNotifications';

const REF = 'component:default/checkout-api';

function summary(overrides: Partial<SloSummary>): SloSummary {
  return {
    entityRef: REF,
    sloCount: 1,
    definitionErrors: 0,
    slosMeetingTarget: 1,
    burnRateAlertsConfigured: true,
    worstBudgetRemaining: 0.5,
    alerting: null,
    alertCount: 2,
    alertsWithRunbook: 2,
    stale: false,
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

function setup(
  enabled: Partial<Record<NotificationKind, boolean>> = {},
  quiet?: { pages: SloPageHistory; quietPeriodMs: number },
) {
  const state = { current: summary({}) };
  const clock = { now: new Date('2026-12-01T10:00:00Z') };
  const { notifier, send, log } = testNotifier({
    now: () => clock.now,
    enabled,
  });
  const slo = new SloNotifications({
    slo: { getSummaries: async () => new Map([[REF, state.current]]) },
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'checkout-api',
            namespace: 'default',
            annotations: {
              'reliability.sre-portal.dev/slo-definitions': './slo.yaml',
            },
          },
          spec: { owner: 'group:default/checkout-payments' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'no-slos', namespace: 'default' },
          spec: {},
        },
      ],
    }),
    auth: mockServices.auth(),
    notifier,
    log,
    now: () => clock.now,
    ...quiet,
  });
  const sent = () =>
    send.mock.calls.map((c: any) => [
      c[0].payload.topic.replace('reliability-', ''),
      c[0].recipients.entityRef[0],
    ]);
  return { slo, state, clock, sent, send };
}

describe('SloNotifications', () => {
  it('tells owners once when a page-severity burn starts and once when it is resolved', async () => {
    const { slo, state, clock, sent, send } = setup();
    expect(await slo.run()).toBe(0);
    state.current = summary({ alerting: 'page', worstBudgetRemaining: 0.2 });
    expect(await slo.run()).toBe(1);
    clock.now = new Date('2026-12-01T10:05:00Z');
    expect(await slo.run()).toBe(0);
    // A ticket-severity alert ends the page episode.
    state.current = summary({ alerting: 'ticket' });
    expect(await slo.run()).toBe(1);
    expect(await slo.run()).toBe(0);
    // A new page burn is a new episode.
    clock.now = new Date('2026-12-02T08:00:00Z');
    state.current = summary({ alerting: 'page' });
    expect(await slo.run()).toBe(1);
    expect(sent()).toEqual([
      ['sloBurn', REF],
      ['sloBurnResolved', REF],
      ['sloBurn', REF],
    ]);
    expect((send.mock.calls[0] as any)[0].payload).toMatchObject({
      title: 'checkout-api is burning its error budget fast (page)',
      link: '/catalog/default/component/checkout-api/reliability',
      severity: 'critical',
    });
  });

  it('tells owners once per exhaustion of an error budget, again after it recovered', async () => {
    const { slo, state, sent, clock } = setup();
    // One run every five minutes.
    const run = async () => {
      clock.now = new Date(clock.now.getTime() + 5 * 60_000);
      await slo.run();
    };
    state.current = summary({ worstBudgetRemaining: -0.1 });
    await run();
    await run();
    state.current = summary({ worstBudgetRemaining: 0.05 });
    await run();
    state.current = summary({ worstBudgetRemaining: 0 });
    await run();
    expect(sent()).toEqual([
      ['sloBudgetExhausted', REF],
      ['sloBudgetExhausted', REF],
    ]);
  });

  it('ignores stale summaries and still closes episodes quietly when resolution notices are off', async () => {
    const { slo, state, sent, clock } = setup({ sloBurnResolved: false });
    const run = async () => {
      clock.now = new Date(clock.now.getTime() + 5 * 60_000);
      await slo.run();
    };
    state.current = summary({ alerting: 'page', stale: true });
    await run();
    expect(sent()).toEqual([]);
    state.current = summary({ alerting: 'page' });
    await run();
    state.current = summary({});
    await run();
    state.current = summary({ alerting: 'page' });
    await run();
    expect(sent()).toEqual([
      ['sloBurn', REF],
      ['sloBurn', REF],
    ]);
  });

  it('keeps a burn that clears and comes back within the quiet period one episode: one notice each way', async () => {
    let lastPage: Date | undefined;
    const pages: SloPageHistory = {
      lastPagedAt: async (refs, since) =>
        new Map(
          lastPage && lastPage >= since && refs.includes(REF)
            ? [[REF, lastPage]]
            : [],
        ),
    };
    const { slo, state, sent, clock, send } = setup(
      {},
      { pages, quietPeriodMs: 30 * 60_000 },
    );
    /** A check at `minutes` past 10:00 with the service paging or not (as the SLO collection recorded it). */
    const check = async (minutes: number, paging: boolean) => {
      clock.now = new Date(Date.UTC(2026, 11, 1, 10, minutes));
      state.current = summary({ alerting: paging ? 'page' : null });
      if (paging) lastPage = clock.now;
      await slo.run();
    };
    await check(0, true);
    await check(5, false);
    await check(10, true);
    await check(15, false);
    await check(35, false);
    expect(sent()).toEqual([['sloBurn', REF]]);
    // 30 minutes after the last page-severity collection (10:10): resolved.
    await check(40, false);
    await check(45, false);
    expect(sent()).toEqual([
      ['sloBurn', REF],
      ['sloBurnResolved', REF],
    ]);
    expect((send.mock.calls[1] as any)[0].payload.description).toBe(
      'No page-severity burn-rate alert fires any more, nor did for 30 minutes (the burn began at 2026-12-01T10:00 UTC).',
    );
  });
});
