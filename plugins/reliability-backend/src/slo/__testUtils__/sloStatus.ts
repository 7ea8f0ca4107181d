import { SloStatus } from '@internal/backstage-plugin-reliability-common';

/** Definition facts of a stored SLO state in store tests. */
export const storedFacts = {
  alertCount: 2,
  alertsWithRunbook: 1,
  hasBurnRateAlerts: true,
};

/** A collected SLO state at `at` (a healthy 99 % SLO with its last window met), for store tests. */
export function storedStatus(
  at: string,
  overrides: Partial<SloStatus> = {},
): SloStatus {
  return {
    collectedAt: at,
    checkedAt: at,
    windowStart: '2026-10-01T00:00:00.000Z',
    windowEnd: at,
    target: 0.99,
    good: 995,
    total: 1000,
    attainment: 0.995,
    budgetRemaining: 0.5,
    burnRate: 0.8,
    burnRates: [{ label: '1h', windowSeconds: 3600, burnRate: 0.8 }],
    alertState: 'ok',
    alertsSource: 'definition',
    alerts: [],
    timeToExhaustionSeconds: 1000,
    stale: false,
    error: null,
    dataSource: 'embedded',
    lastWindow: {
      start: '2026-10-01T00:00:00.000Z',
      end: '2026-11-01T00:00:00.000Z',
      attainment: 0.995,
      met: true,
    },
    ...overrides,
  };
}
