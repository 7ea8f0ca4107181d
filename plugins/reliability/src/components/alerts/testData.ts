import { Entity } from '@backstage/catalog-model';
import {
  AlertsCoverageResponse,
  AlertView,
  EntityAlertsResponse,
  ReliabilityApi,
} from '@internal/backstage-plugin-reliability-common';

import { testBackgroundWork } from '../backgroundWork/testData';

/** Test fixtures for the alerts components. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { owner: 'group:default/checkout-payments' },
};

export function testAlert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    source: 'prometheus',
    id: 'checkout/CheckoutHighErrors',
    name: 'CheckoutHighErrors',
    state: 'ok',
    severity: 'critical',
    pages: true,
    labels: { service: 'checkout-api' },
    description: 'More than 1% of requests fail',
    url: 'https://prometheus.example.com/alerts?search=CheckoutHighErrors',
    runbook: {
      url: 'https://wiki.example.com/runbooks/errors',
      title: null,
      id: null,
      matchedBy: 'source',
    },
    fired: 2,
    resolvedQuickly: 0,
    medianMinutes: 42,
    lastFiredAt: '2026-11-27T08:00:00.000Z',
    noisy: false,
    sloBased: false,
    stale: false,
    ...overrides,
  };
}

export function testAlerts(
  overrides: Partial<EntityAlertsResponse> = {},
): EntityAlertsResponse {
  const noisy = testAlert({
    source: 'embedded',
    id: 'redis/CartCacheMemoryHigh',
    name: 'CartCacheMemoryHigh',
    state: 'firing',
    // eslint-disable-next-line no-script-url
    url: 'javascript:alert(1)',
    runbook: null,
    fired: 40,
    resolvedQuickly: 40,
    medianMinutes: 4,
    noisy: true,
  });
  const burn = testAlert({
    source: 'embedded',
    id: 'slo/checkout-api-latency-fast-burn',
    name: 'checkout-api-latency-fast-burn',
    url: null,
    runbook: {
      url: '/docs/checkout-slow',
      title: 'Checkout is slow',
      id: 'checkout-slow',
      matchedBy: 'runbook-index',
    },
    fired: 0,
    medianMinutes: null,
    sloBased: true,
  });
  const ticket = testAlert({
    id: 'k8s/CrashLooping',
    name: 'CrashLooping',
    severity: 'warning',
    pages: false,
    runbook: null,
    fired: 0,
    medianMinutes: null,
    stale: true,
  });
  return {
    entityRef: 'component:default/checkout-api',
    windowDays: 30,
    alerts: [noisy, testAlert(), burn, ticket],
    coverage: { pagingAlerts: 3, pagingWithRunbook: 2, ratio: 2 / 3 },
    noisy: [noisy],
    gaps: [],
    sources: [
      {
        source: 'prometheus',
        label: 'prometheus',
        syncedAt: '2026-11-30T11:00:00.000Z',
        error: 'Prometheus answered HTTP 503',
        stale: true,
      },
      {
        source: 'embedded',
        label: 'embedded (demo data)',
        syncedAt: null,
        error: null,
        stale: false,
      },
    ],
    noiseRule: { minFirings: 5, quickResolveMinutes: 15, quickShare: 0.8 },
    stale: true,
    generatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

/** A team's coverage: one gap, one noisy alert, two entities, a failed source. */
export function testCoverage(
  overrides: Partial<AlertsCoverageResponse> = {},
): AlertsCoverageResponse {
  const alerts = testAlerts();
  const summary = {
    ownerRef: 'group:default/checkout-payments',
    alerts: 4,
    pagingAlerts: 3,
    pagingWithRunbook: 2,
    firing: 1,
    noisy: 1,
    fired: 42,
    sloBasedPaging: 1,
    stale: true,
    gap: null,
    updatedAt: '2026-11-30T11:55:00.000Z',
  };
  return {
    owner: 'group:default/checkout-payments',
    windowDays: 30,
    coverage: { pagingAlerts: 3, pagingWithRunbook: 2, ratio: 2 / 3 },
    entities: [
      { ...summary, entityRef: 'component:default/checkout-api' },
      {
        ...summary,
        entityRef: 'component:default/psp-adapter',
        alerts: 1,
        pagingAlerts: 0,
        pagingWithRunbook: 0,
        firing: 0,
        noisy: 0,
        fired: 0,
        sloBasedPaging: 0,
        stale: false,
        gap: {
          kind: 'no-paging-alert',
          entityRef: 'component:default/psp-adapter',
          message: 'Tier-1 service with SLOs but no paging alert',
        },
      },
    ],
    noisy: [
      { entityRef: 'component:default/checkout-api', alert: alerts.noisy[0] },
    ],
    gaps: [
      {
        kind: 'no-paging-alert',
        entityRef: 'component:default/psp-adapter',
        message: 'Tier-1 service with SLOs but no paging alert',
      },
    ],
    sources: alerts.sources,
    pages: { windowDays: 30, count: 12, pagingAlerts: 3 },
    generatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

export function mockAlertsApi(
  overrides: Partial<ReliabilityApi> = {},
): Partial<ReliabilityApi> {
  return {
    getEntityAlerts: jest.fn(async () => testAlerts()),
    getAlertsCoverage: jest.fn(async () => testCoverage()),
    // The Monitoring tab also shows the suite's background work (tested with its card).
    getBackgroundWork: jest.fn(async () => testBackgroundWork()),
    ...overrides,
  };
}
