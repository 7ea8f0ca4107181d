import {
  LearningItem,
  LearningPath,
  MyLearningPathsResponse,
  TeamLearningProgressResponse,
} from '@internal/backstage-plugin-reliability-common';

function item(
  overrides: Partial<LearningItem> &
    Pick<LearningItem, 'id' | 'kind' | 'title'>,
): LearningItem {
  return {
    why: null,
    entityRef: null,
    runbookId: null,
    journey: null,
    url: null,
    problem: null,
    doneAt: null,
    ...overrides,
  };
}

/** The SRE team's path: one item of every kind, the first one done. */
export function testLearningPath(
  overrides: Partial<LearningPath> = {},
): LearningPath {
  return {
    groupRef: 'group:default/sre',
    groupTitle: 'Site Reliability Engineering',
    title: 'SRE onboarding',
    description: 'Your first month.',
    source: 'https://example.com/org/learning/sre.yaml',
    shareProgress: false,
    demo: true,
    doneCount: 1,
    items: [
      item({
        id: 'read-gateway-latency',
        kind: 'runbook',
        title: 'Gateway adds latency',
        why: 'Every request passes the gateway.',
        entityRef: 'component:default/api-gateway',
        runbookId: 'gateway-latency',
        doneAt: '2026-11-20T10:00:00.000Z',
      }),
      item({
        id: 'walk-checkout',
        kind: 'journey',
        title: 'A shopper pays for an order',
        entityRef: 'system:default/orders',
        journey: 'shopper-pays-for-order',
      }),
      item({
        id: 'review-key-rotation',
        kind: 'postmortem',
        title: 'Postmortem: logins failing',
        entityRef: 'component:default/identity-service',
        runbookId: 'postmortem-2026-01-key-rotation',
        problem:
          "'postmortem-2026-01-key-rotation' is not in the runbook index of component:default/identity-service",
      }),
      item({
        id: 'shadow',
        kind: 'shadow-oncall',
        title: 'Shadow an on-call shift of sre',
        entityRef: 'group:default/sre',
      }),
      item({
        id: 'slo-basics',
        kind: 'link',
        title: 'SLO basics',
        url: 'https://sre.google/sre-book/service-level-objectives/',
      }),
    ],
    ...overrides,
  };
}

/** The response for a user in the SRE team. */
export function testMyLearningPaths(
  overrides: Partial<MyLearningPathsResponse> = {},
): MyLearningPathsResponse {
  return {
    userEntityRef: 'user:development/guest',
    groupRefs: ['group:default/sre'],
    paths: [testLearningPath()],
    problems: [],
    ...overrides,
  };
}

/** The SRE team's shared progress: 4 members, 1 finished the path (demo path). */
export function testTeamLearningProgress(
  overrides: Partial<TeamLearningProgressResponse> = {},
): TeamLearningProgressResponse {
  return {
    groupRef: 'group:default/sre',
    shared: true,
    explanation: null,
    title: 'SRE onboarding',
    demo: true,
    memberCount: 4,
    completedBy: 1,
    items: [
      {
        id: 'read-gateway-latency',
        kind: 'runbook',
        title: 'Gateway adds latency',
        doneBy: 3,
      },
      {
        id: 'walk-checkout',
        kind: 'journey',
        title: 'A shopper pays for an order',
        doneBy: 1,
      },
    ],
    ...overrides,
  };
}

/** The response for a team that keeps its members' progress private. */
export function testPrivateTeamLearningProgress(): TeamLearningProgressResponse {
  return testTeamLearningProgress({
    groupRef: 'group:default/payments',
    shared: false,
    explanation:
      "The team keeps its members' learning progress private. It shares aggregated numbers only when its learning path file sets spec.shareProgress: true.",
    title: 'Payments onboarding',
    demo: false,
    memberCount: 0,
    completedBy: 0,
    items: [],
  });
}
