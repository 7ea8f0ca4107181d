import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  DeployGateActivity,
  EntityPolicyResponse,
  ReliabilityApi,
  SloReport,
} from '@internal/backstage-plugin-reliability-common';

/** Test fixtures for the policy components. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { owner: 'group:default/checkout-payments' },
};

export function testPolicy(
  overrides: Partial<EntityPolicyResponse> = {},
): EntityPolicyResponse {
  return {
    entityRef: 'component:default/checkout-api',
    policy: DEFAULT_ERROR_BUDGET_POLICY,
    source: 'tier',
    problem: null,
    service: {
      sloName: null,
      policyName: 'default',
      policySource: 'tier',
      state: 'frozen',
      decision: 'deny',
      ruleIndex: 1,
      consequence: 'Freeze feature releases; reliability work only.',
      since: '2026-11-19T12:00:00.000Z',
      budgetRemaining: -0.1,
      alertState: 'ticket',
    },
    slos: [
      {
        sloName: 'checkout-availability',
        displayName: 'Checkout availability',
        policyName: 'default',
        policySource: 'tier',
        state: 'frozen',
        decision: 'deny',
        ruleIndex: 1,
        consequence: 'Freeze feature releases; reliability work only.',
        since: '2026-11-19T12:00:00.000Z',
        budgetRemaining: -0.1,
        alertState: 'ticket',
      },
      {
        sloName: 'checkout-latency',
        policyName: 'lenient',
        policySource: 'slo',
        state: 'ok',
        decision: 'allow',
        ruleIndex: null,
        consequence: null,
        since: '2026-11-01T12:00:00.000Z',
        budgetRemaining: 0.62,
        alertState: 'ok',
      },
    ],
    history: [
      {
        entityRef: 'component:default/checkout-api',
        sloName: 'checkout-availability',
        policyName: 'default',
        fromState: 'review',
        toState: 'frozen',
        decision: 'deny',
        changedAt: '2026-11-19T12:00:00.000Z',
      },
    ],
    staleSlos: [],
    evaluatedAt: '2026-11-22T12:00:00.000Z',
    ...overrides,
  };
}

export function testGateActivity(
  overrides: Partial<DeployGateActivity> = {},
): DeployGateActivity {
  return {
    entityRef: 'component:default/checkout-api',
    answers: [
      {
        entityRef: 'component:default/checkout-api',
        decision: 'allow',
        policyDecision: 'deny',
        overridden: true,
        state: 'frozen',
        askedBy: 'external:github-actions',
        context: 'https://ci.example.com/run/42',
        askedAt: '2026-11-22T11:00:00.000Z',
      },
      {
        entityRef: 'component:default/checkout-api',
        decision: 'deny',
        policyDecision: 'deny',
        overridden: false,
        state: 'frozen',
        askedBy: 'external:github-actions',
        context: null,
        askedAt: '2026-11-22T10:00:00.000Z',
      },
    ],
    activeOverrides: [
      {
        id: 'o-1',
        entityRef: 'component:default/checkout-api',
        reason: 'Hotfix for INC-7',
        createdBy: 'user:default/ada',
        createdAt: '2026-11-22T10:30:00.000Z',
        expiresAt: '2026-11-22T14:00:00.000Z',
      },
    ],
    recentOverrides: [],
    ...overrides,
  };
}

/** A ReliabilityApi answering the policy methods from fixtures (others throw). */
export function mockPolicyApi(
  overrides: Partial<ReliabilityApi> = {},
): Partial<ReliabilityApi> {
  return {
    getEntityPolicy: jest.fn(async () => testPolicy()),
    getDeployGateActivity: jest.fn(async () => testGateActivity()),
    getSloReport: jest.fn(async () => testSloReport()),
    getSloReportText: jest.fn(async (_scope, format) =>
      format === 'csv' ? 'entityRef,slo\r\n' : '# SLO review',
    ),
    ...overrides,
  };
}

export function testSloReport(overrides: Partial<SloReport> = {}): SloReport {
  const period = {
    complete: true,
    episodes: [],
    notes: [],
  };
  return {
    scope: { kind: 'owner', ref: 'group:default/checkout-payments' },
    generatedAt: '2026-11-22T12:00:00.000Z',
    entityCount: 1,
    truncated: false,
    rows: [
      {
        entityRef: 'component:default/checkout-api',
        sloName: 'checkout-availability',
        displayName: 'Checkout availability',
        target: 0.999,
        window: '30d',
        policyState: 'frozen',
        policyDecision: 'deny',
        previous: {
          ...period,
          start: '2026-09-23T12:00:00.000Z',
          end: '2026-10-23T12:00:00.000Z',
          attainment: 0.9994,
          budgetSpent: 0.6,
          met: true,
          burnAlerts: { page: 0, ticket: 1 },
          policyChanges: [],
          notes: ['No SLO state was collected near the end of this window.'],
        },
        current: {
          ...period,
          complete: false,
          start: '2026-10-23T12:00:00.000Z',
          end: '2026-11-22T12:00:00.000Z',
          attainment: 0.9985,
          budgetSpent: 1.5,
          met: false,
          burnAlerts: { page: 1, ticket: 2 },
          episodes: [
            {
              start: '2026-11-20T00:00:00.000Z',
              end: null,
              severity: 'page',
              budgetSpent: 0.55,
            },
          ],
          policyChanges: [
            {
              entityRef: 'component:default/checkout-api',
              sloName: 'checkout-availability',
              policyName: 'default',
              fromState: 'review',
              toState: 'frozen',
              decision: 'deny',
              changedAt: '2026-11-19T12:00:00.000Z',
            },
          ],
        },
      },
    ],
    serviceChanges: [],
    periodStart: '2026-09-23T12:00:00.000Z',
    runbooksTouched: [
      {
        entityRef: 'component:default/checkout-api',
        id: 'rollback',
        title: 'Roll back a checkout release',
        kind: 'rollback',
        lastReviewed: '2026-11-02',
        url: 'https://runbooks.example.com/rollback',
      },
    ],
    checklistChanges: [
      {
        entityRef: 'component:default/checkout-api',
        assessmentId: 'a-1',
        assessedAt: '2026-10-20T08:30:00.000Z',
        author: 'user:default/ada',
        level: 'silver',
        score: 72,
        previousLevel: 'bronze',
      },
    ],
    problems: [],
    overrides: [],
    ...overrides,
  };
}
