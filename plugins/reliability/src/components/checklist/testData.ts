import { Entity } from '@backstage/catalog-model';
import {
  AutomaticResult,
  Checklist,
  EntityExemptionsResponse,
  EntityMaturity,
  MaturityExemption,
  scoreChecklist,
  StoredAnswer,
} from '@internal/backstage-plugin-reliability-common';

export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/checkout-payments' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/checkout-payments' },
  ],
};

export const testChecklist: Checklist = {
  version: '2026.11.1',
  title: 'Reliability maturity',
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
  ],
  categories: [
    { id: 'slos', title: 'SLOs & error budgets' },
    { id: 'releases', title: 'Release & rollback' },
  ],
  items: [
    {
      id: 'slo-defined',
      title: 'The service has at least one SLO',
      why: 'A shared target to steer by.',
      level: 'beginner',
      category: 'slos',
      weight: 3,
      kind: 'automatic',
      check: 'slo-defined',
      productionReadiness: true,
    },
    {
      id: 'error-budget-policy',
      title: 'An agreed error-budget policy is followed',
      why: 'Gives the SLO consequences.',
      level: 'intermediate',
      category: 'slos',
      weight: 3,
      kind: 'self-assessed',
    },
    {
      id: 'rollback',
      title: 'A release can be rolled back quickly',
      why: 'Most incidents follow a change.',
      level: 'beginner',
      category: 'releases',
      weight: 3,
      kind: 'self-assessed',
      productionReadiness: true,
    },
  ],
};

export const testAutomatic: AutomaticResult[] = [
  {
    itemId: 'slo-defined',
    check: 'slo-defined',
    status: 'pass',
    detail: '2 SLOs defined',
  },
];

export const NOW = new Date('2026-11-22T12:00:00Z');

/** A maturity response computed with the real scoring from the given answers. */
export function testMaturity(
  answers: Record<string, StoredAnswer> = {},
  overrides: Partial<EntityMaturity> = {},
): EntityMaturity {
  const explanation = scoreChecklist({
    checklist: testChecklist,
    answers,
    automatic: testAutomatic,
    now: NOW,
  });
  return {
    entityRef: 'component:default/orders-api',
    checklistVersion: testChecklist.version,
    explanation,
    automatic: testAutomatic,
    answers: Object.fromEntries(
      Object.entries(answers).map(([id, a]) => [
        id,
        { ...a, expired: Date.parse(a.expiresAt) <= NOW.getTime() },
      ]),
    ),
    latestAssessment:
      Object.keys(answers).length > 0
        ? {
            id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
            entityRef: 'component:default/orders-api',
            checklistVersion: testChecklist.version,
            score: explanation.score,
            level: explanation.level,
            author: 'user:default/jonas.berg',
            createdAt: '2026-11-01T00:00:00.000Z',
          }
        : null,
    outdatedChecklist: false,
    canSubmit: true,
    ...overrides,
  };
}

export function answer(
  value: StoredAnswer['answer'],
  expiresAt = '2027-05-01T00:00:00.000Z',
): StoredAnswer {
  return { answer: value, expiresAt, answeredAt: '2026-11-01T00:00:00.000Z' };
}

/** A ReliabilityApi mock with the checklist methods (others throw if called). */
export function mockMaturityApi<
  T extends Record<string, jest.Mock> = Record<string, never>,
>(overrides: T = {} as T) {
  return {
    getChecklist: jest.fn(async () => testChecklist),
    getEntityMaturity: jest.fn(async () => testMaturity()),
    getEntityMaturityHistory: jest.fn(async () => ({
      entityRef: 'component:default/orders-api',
      assessments: [],
    })),
    getMaturityDraft: jest.fn(async () => null),
    saveMaturityDraft: jest.fn(async (_ref: unknown, request: any) => ({
      entityRef: 'component:default/orders-api',
      checklistVersion: request.checklistVersion,
      answers: request.answers,
      step: request.step ?? 0,
      updatedAt: NOW.toISOString(),
    })),
    getEntityExemptions: jest.fn(async () => testExemptions()),
    submitMaturityAssessment: jest.fn(async () => ({
      id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      entityRef: 'component:default/orders-api',
      checklistVersion: testChecklist.version,
      score: 50,
      level: 'beginner',
      author: 'user:default/jonas.berg',
      createdAt: NOW.toISOString(),
    })),
    ...overrides,
  };
}

/** An exemptions response of the test entity (none unless given), for an owner who is not an admin. */
export function testExemptions(
  overrides: Partial<EntityExemptionsResponse> = {},
): EntityExemptionsResponse {
  return {
    entityRef: 'component:default/orders-api',
    exemptions: [],
    canRequest: true,
    canDecide: false,
    maxDurationDays: 180,
    autoApprovedItems: [],
    ...overrides,
  };
}

/** One exemption of the test entity. */
export function testExemption(
  overrides: Partial<MaturityExemption> = {},
): MaturityExemption {
  return {
    id: 'b3c1c1f0-0000-4000-8000-000000000001',
    entityRef: 'component:default/orders-api',
    itemId: 'rollback',
    status: 'pending',
    justification: 'Rollbacks come with the platform migration',
    requestedBy: 'user:default/jonas.berg',
    requestedAt: '2026-11-20T10:00:00.000Z',
    requestedExpiresAt: '2027-01-31T00:00:00.000Z',
    expiresAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    revokedBy: null,
    revokedAt: null,
    revokeReason: null,
    ...overrides,
  };
}
