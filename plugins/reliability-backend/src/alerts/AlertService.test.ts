import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  AlertSource,
  ProviderNotConfiguredError,
} from '@internal/backstage-plugin-reliability-node';
import {
  entity,
  hoursAgo,
  NOW,
  runbookEntry,
  sourceAlert,
} from './__testUtils__/alertFixtures';
import { createTestAlertsArea } from './__testUtils__/testAlertService';

const checkoutRef = 'component:default/checkout-api';
const credentials = mockCredentials.user();

const checkout = entity('Component', 'checkout-api', {
  tier: 'tier-1',
  owner: 'group:default/checkout-payments',
});

/** Ten firings a day apart, each resolved after `minutes`. */
function firings(alertId: string, minutes: number, count = 10) {
  return Array.from({ length: count }, (_, i) => {
    const start = NOW.getTime() - (i + 1) * 24 * 3600_000;
    return {
      alertId,
      startedAt: new Date(start).toISOString(),
      resolvedAt: new Date(start + minutes * 60_000).toISOString(),
    };
  });
}

describe('AlertService', () => {
  it('writes embedded alerts and firings idempotently, and refuses firings of unknown alerts', async () => {
    const { service } = await createTestAlertsArea({ entities: [checkout] });
    const body = {
      alerts: [
        {
          id: 'HighErrors',
          name: 'HighErrors',
          state: 'firing' as const,
          pages: true,
        },
      ],
      firings: [{ alertId: 'HighErrors', startedAt: hoursAgo(2) }],
    };
    await expect(service.ingest(checkoutRef, body)).resolves.toEqual({
      entityRef: checkoutRef,
      alerts: 1,
      firings: 1,
      removed: 0,
    });
    await service.ingest(checkoutRef, body);
    // A later write may name an alert written before.
    await service.ingest(checkoutRef, {
      firings: [
        {
          alertId: 'HighErrors',
          startedAt: hoursAgo(2),
          resolvedAt: hoursAgo(1),
        },
      ],
    });
    const view = await service.getEntityAlerts(checkout, credentials);
    expect(view.alerts).toHaveLength(1);
    expect(view.alerts[0]).toMatchObject({
      fired: 1,
      resolvedQuickly: 0,
      medianMinutes: 60,
    });

    const error = await service
      .ingest(checkoutRef, {
        firings: [{ alertId: 'Nope', startedAt: hoursAgo(1) }],
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('Nope');
  });

  it('links an alert that is one of the entity’s SLO alert policies to the runbook the Runbooks card links to it', async () => {
    const { service, runbooks } = await createTestAlertsArea({
      entities: [checkout],
      sloCounts: { [checkoutRef]: 1 },
    });
    runbooks.set(
      checkoutRef,
      [],
      [
        {
          slo: 'checkout-api-availability',
          alert: 'checkout-api-availability-fast-burn',
          runbook: {
            id: null,
            title: null,
            url: 'https://wiki.example.com/checkout-declines',
          },
          matchedBy: 'alert-policy',
          problem: null,
        },
      ],
    );
    await service.ingest(checkoutRef, {
      alerts: [
        {
          id: 'slo/checkout-api-availability-fast-burn',
          name: 'checkout-api-availability-fast-burn',
          state: 'ok',
          pages: true,
        },
      ],
    });
    const view = await service.getEntityAlerts(checkout, credentials);
    expect(view.alerts[0].runbook).toEqual({
      url: 'https://wiki.example.com/checkout-declines',
      title: null,
      id: null,
      matchedBy: 'slo',
    });
    expect(view.coverage).toEqual({
      pagingAlerts: 1,
      pagingWithRunbook: 1,
      ratio: 1,
    });
  });

  it('shows each alert with state, runbook, firings and noise, paging coverage and the entity gap', async () => {
    const { service, runbooks } = await createTestAlertsArea({
      entities: [checkout],
      sloCounts: { [checkoutRef]: 2 },
    });
    runbooks.set(checkoutRef, [
      runbookEntry('errors', ['checkout-api-availability-fast-burn']),
    ]);
    await service.ingest(checkoutRef, {
      alerts: [
        {
          id: 'burn',
          name: 'checkout-api-availability-fast-burn',
          state: 'ok',
          pages: true,
          query: 'slo:sli_error:ratio_rate1h > 14.4 * 0.001',
        },
        {
          id: 'flappy',
          name: 'PodsNotReady',
          state: 'firing',
          pages: true,
          runbookUrl: 'https://wiki.example.com/pods',
        },
        { id: 'nobook', name: 'HighLatency', state: 'no-data', pages: true },
        { id: 'ticket', name: 'DiskFilling', state: 'ok', pages: false },
      ],
      firings: [...firings('flappy', 3), ...firings('burn', 45, 2)],
    });
    const view = await service.getEntityAlerts(checkout, credentials);
    expect(view.alerts.map(a => a.id)).toEqual([
      'flappy',
      'nobook',
      'burn',
      'ticket',
    ]);
    const [flappy, nobook, burn] = view.alerts;
    expect(flappy).toMatchObject({
      state: 'firing',
      fired: 10,
      resolvedQuickly: 10,
      noisy: true,
      sloBased: false,
      stale: false,
      runbook: {
        url: 'https://wiki.example.com/pods',
        matchedBy: 'source',
        title: null,
        id: null,
      },
    });
    expect(burn).toMatchObject({
      fired: 2,
      noisy: false,
      sloBased: true,
      runbook: { id: 'errors', matchedBy: 'runbook-index' },
    });
    expect(nobook.runbook).toBeNull();
    expect(view.coverage).toEqual({
      pagingAlerts: 3,
      pagingWithRunbook: 2,
      ratio: 2 / 3,
    });
    expect(view.noisy.map(a => a.id)).toEqual(['flappy']);
    // Tier-1 with SLOs and paging alerts: no gap.
    expect(view.gaps).toEqual([]);
    expect(view.sources).toEqual([
      {
        source: 'embedded',
        label: 'embedded',
        syncedAt: null,
        error: null,
        stale: false,
      },
    ]);
  });

  it('reports a tier-1 service with SLOs and no paging alert, and a resource tier-1 services depend on without monitors', async () => {
    const topic = entity('Resource', 'payment-events-topic', {
      dependencyOf: [checkoutRef, 'component:default/refunds'],
    });
    const { service } = await createTestAlertsArea({
      entities: [
        checkout,
        topic,
        entity('Component', 'refunds', { tier: 'tier-3' }),
      ],
      sloCounts: { [checkoutRef]: 1 },
    });
    await service.ingest(checkoutRef, {
      alerts: [
        { id: 'ticket', name: 'DiskFilling', state: 'ok', pages: false },
      ],
    });
    expect((await service.getEntityAlerts(checkout, credentials)).gaps).toEqual(
      [
        {
          kind: 'no-paging-alert',
          entityRef: checkoutRef,
          message: 'Tier-1 service with SLOs but no paging alert',
        },
      ],
    );
    expect((await service.getEntityAlerts(topic, credentials)).gaps).toEqual([
      {
        kind: 'unmonitored-resource',
        entityRef: 'resource:default/payment-events-topic',
        message: 'No monitor, yet 1 tier-1 service depends on it',
        dependents: [checkoutRef],
      },
    ]);
  });

  it('marks the alerts of a source that failed at its last read as stale', async () => {
    let fail = false;
    const source: AlertSource = {
      id: 'prometheus',
      getInventory: async () => {
        if (fail) throw new Error('connect ECONNREFUSED');
        return {
          alerts: [
            sourceAlert('api/HighErrors', {
              labels: { service: 'checkout-api' },
            }),
          ],
        };
      },
    };
    const { service, refresher } = await createTestAlertsArea({
      entities: [checkout],
      sources: [source],
    });
    await refresher.run();
    fail = true;
    await refresher.run();
    const view = await service.getEntityAlerts(checkout, credentials);
    expect(view.stale).toBe(true);
    expect(view.alerts.map(a => [a.id, a.stale])).toEqual([
      ['api/HighErrors', true],
    ]);
    expect(view.sources).toEqual([
      {
        source: 'prometheus',
        label: 'prometheus',
        syncedAt: NOW.toISOString(),
        error: 'connect ECONNREFUSED',
        stale: true,
        notConfigured: false,
      },
    ]);
  });

  it('tells a source that is installed but not configured from one that failed: not stale, flagged', async () => {
    const source: AlertSource = {
      id: 'datadog',
      getInventory: async () => {
        throw new ProviderNotConfiguredError(
          'Datadog',
          'reliability.datadog.apiKey',
        );
      },
    };
    const { service, refresher } = await createTestAlertsArea({
      entities: [checkout],
      sources: [source],
    });
    await refresher.run();
    const view = await service.getEntityAlerts(checkout, credentials);
    expect(view.sources).toEqual([
      {
        source: 'datadog',
        label: 'datadog',
        syncedAt: null,
        error:
          'Datadog provider not configured: set reliability.datadog.apiKey in app-config',
        stale: false,
        notConfigured: true,
      },
    ]);
  });

  it("counts a team's pages over the window: paging firings only, a shared source alert once", async () => {
    const ledgerRef = 'component:default/ledger';
    const search = entity('Component', 'search', {
      owner: 'group:default/discovery',
    });
    const day = 24 * 3600_000;
    const at = (days: number) =>
      new Date(NOW.getTime() - days * day).toISOString();
    // A Prometheus alert mapped to both services of the team (by a selector), firing 3 times in the window.
    const source: AlertSource = {
      id: 'prometheus',
      getInventory: async () => ({
        alerts: [
          sourceAlert('db/ReplicaLag', { labels: { team: 'payments' } }),
          sourceAlert('search/Slow', { labels: { service: 'search' } }),
        ],
        firings: [
          { alertId: 'db/ReplicaLag', startedAt: at(1), resolvedAt: at(0.9) },
          { alertId: 'db/ReplicaLag', startedAt: at(5), resolvedAt: at(4.9) },
          { alertId: 'db/ReplicaLag', startedAt: at(9), resolvedAt: at(8.9) },
          { alertId: 'search/Slow', startedAt: at(2), resolvedAt: at(1.9) },
        ],
      }),
    };
    const selector = {
      'reliability.sre-portal.dev/alert-selector': 'team=payments',
    };
    const { service, refresher } = await createTestAlertsArea({
      entities: [
        entity('Component', 'checkout-api', {
          tier: 'tier-1',
          owner: 'group:default/checkout-payments',
          annotations: selector,
        }),
        entity('Component', 'ledger', {
          owner: 'group:default/checkout-payments',
          annotations: selector,
        }),
        search,
      ],
      sources: [source],
    });
    await service.ingest(checkoutRef, {
      alerts: [
        { id: 'pager', name: 'CheckoutDown', state: 'ok', pages: true },
        { id: 'ticket', name: 'DiskFilling', state: 'ok', pages: false },
      ],
      firings: [
        // 2 pages in the window, 1 before it; the ticket alert never pages.
        { alertId: 'pager', startedAt: at(3), resolvedAt: at(2.9) },
        { alertId: 'pager', startedAt: at(20), resolvedAt: at(19.9) },
        { alertId: 'pager', startedAt: at(40), resolvedAt: at(39.9) },
        { alertId: 'ticket', startedAt: at(1), resolvedAt: at(0.9) },
      ],
    });
    await refresher.run();
    const team = await service.getCoverage(
      'group:default/checkout-payments',
      credentials,
    );
    expect(team.entities.map(e => e.entityRef).sort()).toEqual([
      checkoutRef,
      ledgerRef,
    ]);
    expect(team.pages).toEqual({ windowDays: 30, count: 5, pagingAlerts: 2 });
    const org = await service.getCoverage(null, credentials);
    expect(org.pages).toBeNull();
  });
});
