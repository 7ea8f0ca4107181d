import {
  ArchitectureTour,
  OverviewPage,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';

/** A service row with every area filled, for UI tests. */
export function testRow(
  name: string,
  overrides: Partial<ServiceOverviewRow> = {},
): ServiceOverviewRow {
  return {
    entityRef: `component:default/${name}`,
    name,
    namespace: 'default',
    title: null,
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    tier: 'tier-1',
    slo: {
      sloCount: 2,
      worstBudgetRemaining: 0.42,
      alerting: null,
      slosMeetingTarget: 2,
      stale: false,
    },
    onCall: {
      primary: { name: 'Ada Lovelace' },
      until: '2026-01-02T09:00:00.000Z',
      provider: 'schedule',
      error: null,
    },
    runbooks: { runbookCount: 3, staleCount: 1, coverage: 0.5 },
    maturity: { level: 'silver', score: 72.4 },
    ...overrides,
  };
}

/** A page of the overview for UI tests. */
export function testPage(
  items: ServiceOverviewRow[],
  overrides: Partial<OverviewPage> = {},
): OverviewPage {
  return {
    items,
    totalItems: items.length,
    pageInfo: {},
    unavailable: [],
    ...overrides,
  };
}

/** A small system tour for UI tests. */
export const testTour: ArchitectureTour = {
  root: {
    entityRef: 'system:default/shop',
    title: 'Shop',
    description: 'Everything customers buy through',
  },
  nodes: [
    {
      entityRef: 'system:default/shop',
      kind: 'system',
      name: 'shop',
      title: 'Shop',
      description: null,
      type: null,
      owner: 'group:default/payments',
      external: false,
      state: 'unknown',
      worstBudgetRemaining: null,
      sloCount: 0,
      runbookCount: 0,
      onCallPrimary: null,
      tier: null,
      dependents: 0,
    },
    {
      entityRef: 'component:default/orders',
      kind: 'component',
      name: 'orders',
      title: null,
      description: null,
      type: 'service',
      owner: 'group:default/payments',
      external: false,
      state: 'breaching',
      worstBudgetRemaining: -0.1,
      sloCount: 1,
      runbookCount: 2,
      onCallPrimary: { name: 'Ada Lovelace' },
      tier: 'tier-1',
      dependents: 3,
    },
  ],
  edges: [
    {
      from: 'component:default/orders',
      to: 'system:default/shop',
      type: 'partOf',
    },
  ],
  readingPath: [
    {
      entityRef: 'component:default/orders',
      title: 'orders',
      whyItMatters:
        'Tier-1: among the most critical services; 3 entities depend on it.',
      state: 'breaching',
      runbooks: [
        { title: 'Orders backlog', url: 'https://runbooks.example.com/orders' },
        { title: 'latency.md', url: './docs/latency.md' },
      ],
      slos: [
        {
          name: 'availability',
          meaning: '99.9% of events for "orders" must be good over 28d.',
        },
      ],
    },
  ],
  truncated: false,
};
