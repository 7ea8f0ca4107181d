import { mockCredentials } from '@backstage/backend-test-utils';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { AlertSource } from '@internal/backstage-plugin-reliability-node';
import { entity, hoursAgo, sourceAlert } from './__testUtils__/alertFixtures';
import { createTestAlertsArea } from './__testUtils__/testAlertService';

const team = 'group:default/checkout-payments';
const checkout = entity('Component', 'checkout-api', {
  tier: 'tier-1',
  owner: team,
  dependsOn: [
    'resource:default/orders-db',
    'resource:default/payment-events-topic',
  ],
});
const payments = entity('Component', 'payments', {
  tier: 'tier-1',
  owner: team,
});
const ordersDb = entity('Resource', 'orders-db', {
  owner: 'group:default/orders',
});
const topic = entity('Resource', 'payment-events-topic', { owner: team });
const ledger = entity('Component', 'ledger', {
  owner: team,
  annotations: {
    [ANNOTATIONS.alertSelector]: 'team=payments,component=ledger',
  },
});

const prometheus: AlertSource = {
  id: 'prometheus',
  getInventory: async () => ({
    alerts: [
      sourceAlert('checkout/HighErrors', {
        labels: { service: 'checkout-api' },
        runbookUrl: 'https://wiki.example.com/errors',
      }),
      sourceAlert('db/ReplicationLag', {
        labels: { service: 'orders-db' },
        pages: false,
      }),
      sourceAlert('ledger/Stuck', {
        labels: { team: 'payments', component: 'ledger' },
      }),
      sourceAlert('node/DiskFull', { labels: { instance: 'node-1' } }),
    ],
    firings: [
      {
        alertId: 'checkout/HighErrors',
        startedAt: hoursAgo(5),
        resolvedAt: hoursAgo(4),
      },
    ],
  }),
};

describe('AlertsRefresher', () => {
  it('maps alerts, summarises entities with alerts or gaps, and serves team and organisation views', async () => {
    const { refresher, service, store } = await createTestAlertsArea({
      entities: [checkout, payments, ordersDb, topic, ledger],
      sources: [prometheus],
      sloCounts: {
        'component:default/checkout-api': 1,
        'component:default/payments': 2,
      },
    });
    const result = await refresher.run();
    expect(result.sources).toEqual([
      { source: 'prometheus', ok: true, alerts: 4, unowned: 1, firings: 1 },
    ]);
    const summaries = await store.listSummaries();
    expect(
      summaries.map(s => [
        s.entityRef,
        s.alerts,
        s.pagingAlerts,
        s.fired,
        s.gap?.kind ?? null,
      ]),
    ).toEqual([
      ['component:default/checkout-api', 1, 1, 1, null],
      ['component:default/ledger', 1, 1, 0, null],
      ['component:default/payments', 0, 0, 0, 'no-paging-alert'],
      ['resource:default/orders-db', 1, 0, 0, null],
      [
        'resource:default/payment-events-topic',
        0,
        0,
        0,
        'unmonitored-resource',
      ],
    ]);
    expect(summaries[0]).toMatchObject({
      ownerRef: team,
      pagingWithRunbook: 1,
    });

    const teamView = await service.getCoverage(team, mockCredentials.user());
    expect(teamView.entities.map(e => e.entityRef)).toEqual([
      'component:default/checkout-api',
      'component:default/ledger',
      'component:default/payments',
      'resource:default/payment-events-topic',
    ]);
    expect(teamView.coverage).toEqual({
      pagingAlerts: 2,
      pagingWithRunbook: 1,
      ratio: 0.5,
    });
    expect(teamView.gaps.map(g => [g.kind, g.entityRef])).toEqual([
      ['no-paging-alert', 'component:default/payments'],
      ['unmonitored-resource', 'resource:default/payment-events-topic'],
    ]);

    const org = await service.getCoverage(null, mockCredentials.user());
    expect(org.entities).toHaveLength(5);
    expect(org.gaps.map(g => g.kind)).toEqual([
      'no-paging-alert',
      'unmonitored-resource',
      'unowned-alert',
    ]);
    expect(org.gaps[2].alert).toEqual({
      source: 'prometheus',
      id: 'node/DiskFull',
      name: 'DiskFull',
    });
  });

  it('removes the rows of entities gone from the catalog and summaries no longer tracked', async () => {
    const { refresher, service, store, catalog } = await createTestAlertsArea({
      entities: [checkout, ordersDb],
      sloCounts: { 'component:default/checkout-api': 1 },
    });
    await service.ingest('resource:default/orders-db', {
      alerts: [{ id: 'Lag', name: 'Lag', state: 'ok', pages: true }],
      firings: [{ alertId: 'Lag', startedAt: hoursAgo(3) }],
    });
    await refresher.run();
    expect(await store.listEntityRefs()).toEqual([
      'component:default/checkout-api',
      'resource:default/orders-db',
    ]);
    await catalog.removeEntityByUid('uid-Resource-orders-db');
    const result = await refresher.run();
    expect(result.removed).toBe(1);
    expect(await store.listEntityRefs()).toEqual([
      'component:default/checkout-api',
    ]);
  });
});
