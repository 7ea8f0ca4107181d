import { Entity } from '@backstage/catalog-model';
import {
  EntityRunbooksResponse,
  ReliabilityApi,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';

/** Test fixtures for the runbook components. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-api',
    namespace: 'default',
    annotations: { 'reliability.sre-portal.dev/runbooks': 'runbooks/' },
  },
  spec: { owner: 'group:default/team-orders' },
};

export function testRunbook(
  overrides: Partial<RunbookEntry> & { id: string },
): RunbookEntry {
  return {
    title: overrides.id,
    kind: 'runbook',
    answers: [],
    owner: null,
    lastReviewed: '2026-10-01',
    stale: false,
    url: null,
    source: 'markdown',
    location: `runbooks/${overrides.id}.md`,
    error: null,
    ...overrides,
  };
}

export const testRunbooks: RunbookEntry[] = [
  testRunbook({
    id: 'high-error-rate',
    title: 'Orders API error rate',
    answers: ['orders-availability-fast-burn'],
    owner: 'group:default/team-orders',
  }),
  testRunbook({
    id: 'rollback',
    title: 'Roll back a release',
    kind: 'rollback',
    lastReviewed: '2025-01-10',
    stale: true,
  }),
  testRunbook({
    id: 'db-failover',
    title: 'Database failover',
    source: 'link',
    url: 'https://wiki.example.com/orders/db-failover',
    lastReviewed: null,
    stale: true,
    location: null,
  }),
  testRunbook({
    id: 'broken',
    title: 'broken.md',
    error: 'Invalid front matter: kind: Invalid option',
    lastReviewed: null,
    stale: true,
  }),
  testRunbook({
    id: '2026-03-black-friday',
    title: 'Pre-mortem: peak season',
    kind: 'premortem',
  }),
];

export function testRunbooksResponse(
  overrides: Partial<EntityRunbooksResponse> = {},
): EntityRunbooksResponse {
  return {
    entityRef: 'component:default/orders-api',
    runbooks: testRunbooks,
    total: testRunbooks.length,
    query: null,
    staleCount: 3,
    staleAfterDays: 180,
    coverage: {
      ratio: 2 / 3,
      alertCount: 3,
      alertsWithRunbook: 2,
      alerts: [
        {
          slo: 'orders-availability',
          alert: 'fast-burn',
          runbook: { id: 'high-error-rate', title: null, url: null },
          matchedBy: 'answers',
          problem: null,
        },
        {
          slo: 'orders-availability',
          alert: 'slow-burn',
          runbook: { id: 'rollback', title: null, url: null },
          matchedBy: 'alert-policy',
          problem: null,
        },
        {
          slo: 'orders-latency',
          alert: 'latency-burn',
          runbook: null,
          matchedBy: null,
          problem: null,
        },
      ],
      error: null,
    },
    generatedAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

/** A ReliabilityApi whose runbook methods are jest mocks (the rest are unused by these components). */
export function mockRunbooksApi(
  impl: Partial<
    Pick<ReliabilityApi, 'getEntityRunbooks' | 'getEntityRunbook'>
  > = {},
) {
  return {
    getEntityRunbooks: jest.fn(
      impl.getEntityRunbooks ?? (async () => testRunbooksResponse()),
    ),
    getEntityRunbook: jest.fn(
      impl.getEntityRunbook ??
        (async (_ref, id: string) => ({
          entityRef: 'component:default/orders-api',
          runbook: testRunbooks.find(r => r.id === id)!,
          markdown:
            id === 'db-failover' || id === 'broken'
              ? null
              : `# ${id}\n\nSteps for **${id}**.`,
        })),
    ),
  };
}
