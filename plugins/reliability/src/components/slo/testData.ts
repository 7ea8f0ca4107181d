import {
  EntitySlo,
  SloDefinition,
  SloStatus,
} from '@internal/backstage-plugin-reliability-common';

/** A 30-day 99.9% SLO as the backend returns it. */
export const checkoutDefinition: SloDefinition = {
  name: 'checkout-availability',
  displayName: 'Checkout availability',
  indicator: {
    name: 'checkout-requests',
    ratio: { total: { type: 'embedded', spec: {} } },
  },
  window: { kind: 'rolling', durationSeconds: 30 * 86400, label: '30d' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.999 }],
  alertPolicies: [],
  runbook: 'https://wiki.example/runbooks/checkout',
};

/** A healthy, fresh state of the checkout SLO. */
export const healthyStatus: SloStatus = {
  collectedAt: '2026-11-20T12:00:00.000Z',
  checkedAt: '2026-11-20T12:00:00.000Z',
  windowStart: '2026-10-21T12:00:00.000Z',
  windowEnd: '2026-11-20T12:00:00.000Z',
  target: 0.999,
  good: 999_500,
  total: 1_000_000,
  attainment: 0.9995,
  budgetRemaining: 0.5,
  burnRate: 0.4,
  burnRates: [{ label: '1h', windowSeconds: 3600, burnRate: 0.4 }],
  alertState: 'ok',
  alertsSource: 'default',
  alerts: [],
  timeToExhaustionSeconds: 3_240_000,
  stale: false,
  error: null,
  dataSource: 'embedded (demo data)',
};

export const checkoutSlo = (
  status: SloStatus | null = healthyStatus,
): EntitySlo => ({
  definition: checkoutDefinition,
  status,
});
