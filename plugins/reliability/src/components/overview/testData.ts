import {
  ArchitectureTour,
  OverviewPage,
  ServiceOverviewRow,
  TourNode,
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
    policy: {
      state: 'review',
      decision: 'warn',
      since: '2026-01-01T08:00:00.000Z',
    },
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

/** A node of a tour for UI tests. */
export function testNode(
  entityRef: string,
  overrides: Partial<TourNode> = {},
): TourNode {
  const [kind, rest] = entityRef.split(':');
  return {
    entityRef,
    kind,
    name: rest.split('/')[1],
    title: null,
    description: null,
    type: kind === 'component' ? 'service' : null,
    owner: 'group:default/payments',
    external: false,
    state: 'unknown',
    worstBudgetRemaining: null,
    sloCount: 0,
    runbookCount: 0,
    onCallPrimary: null,
    tier: null,
    dependents: 0,
    system: null,
    serviceCount: kind === 'system' ? 0 : null,
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
    testNode('system:default/shop', {
      title: 'Shop',
      serviceCount: 1,
    }),
    testNode('component:default/orders', {
      state: 'breaching',
      worstBudgetRemaining: -0.1,
      sloCount: 1,
      runbookCount: 2,
      onCallPrimary: { name: 'Ada Lovelace' },
      tier: 'tier-1',
      dependents: 3,
      system: 'system:default/shop',
    }),
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
      whyThisOrder: 'The only service here.',
      state: 'breaching',
      runbooks: [
        {
          id: 'backlog',
          title: 'Orders backlog',
          kind: 'runbook',
          url: null,
          source: 'markdown',
        },
        {
          id: 'wiki',
          title: 'Orders wiki',
          kind: 'runbook',
          url: 'https://runbooks.example.com/orders',
          source: 'link',
        },
        {
          id: 'roll-back',
          title: 'Roll back a release',
          kind: 'rollback',
          url: null,
          source: 'markdown',
        },
      ],
      slos: [
        {
          name: 'availability',
          meaning: '99.9% of events for "orders" must be good over 28d.',
        },
      ],
      techDocsEntityRef: 'component:default/orders',
    },
  ],
  journeys: [],
  journeyProblems: [],
  truncated: false,
};

/** A domain tour for UI tests: Commerce with the shop system (web, orders) and a journey through it. */
export const testDomainTour: ArchitectureTour = {
  root: {
    entityRef: 'domain:default/commerce',
    title: 'Commerce',
    description: 'Where revenue is made',
  },
  nodes: [
    testNode('domain:default/commerce', { serviceCount: 2 }),
    testNode('system:default/shop', {
      title: 'Shop',
      serviceCount: 2,
      state: 'at-risk',
      sloCount: 3,
      worstBudgetRemaining: 0.12,
    }),
    testNode('component:default/web', { system: 'system:default/shop' }),
    testNode('component:default/orders', {
      system: 'system:default/shop',
      state: 'at-risk',
    }),
  ],
  edges: [
    {
      from: 'component:default/web',
      to: 'component:default/orders',
      type: 'dependsOn',
    },
  ],
  readingPath: [],
  journeys: [
    {
      id: 'system:default/shop#pay',
      name: 'pay',
      title: 'A shopper pays',
      description: 'From basket to order.',
      entityRef: 'system:default/shop',
      source: 'https://git.example.com/journeys.yaml',
      slo: {
        name: 'checkout-journey',
        explanation: {
          name: 'Checkout completes',
          meaning: '99.5% of journeys must be good over 28d.',
        },
        state: 'ok',
        budgetRemaining: 0.64,
        attainment: 0.9982,
      },
      sloProblem: null,
      steps: [
        {
          entityRef: 'component:default/web',
          kind: 'component',
          title: 'Website',
          description: 'The shopper presses Pay.',
          found: true,
          system: 'system:default/shop',
          owner: 'group:default/web-team',
          state: 'ok',
          worstBudgetRemaining: 0.9,
          slos: [],
          onCallPrimary: { name: 'Grace Hopper' },
          runbooks: [],
        },
        {
          entityRef: 'component:default/orders',
          kind: 'component',
          title: 'Orders',
          description: 'The order is created.',
          found: true,
          system: 'system:default/shop',
          owner: 'group:default/payments',
          state: 'at-risk',
          worstBudgetRemaining: 0.1,
          slos: [{ name: 'Order creation', meaning: 'Orders get created.' }],
          onCallPrimary: { name: 'Ada Lovelace' },
          runbooks: [
            {
              id: 'dupes',
              title: 'Duplicate orders',
              kind: 'runbook',
              url: null,
              source: 'markdown',
            },
          ],
        },
      ],
    },
  ],
  journeyProblems: [
    {
      entityRef: 'system:default/shop',
      source: 'https://git.example.com/broken.yaml',
      message: '#1 kind: Invalid input',
    },
  ],
  truncated: false,
};
