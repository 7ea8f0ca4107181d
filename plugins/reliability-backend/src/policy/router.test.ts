import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  AssessmentRecord,
  EntityRunbooksResponse,
  entityRefKey,
  MaturityHistory,
  RunbookEntry,
  DeployGateActivity,
  DeployGateOverride,
  SloReport,
  DeployGateResponse,
  EntityPolicyResponse,
  ErrorBudgetPolicy,
  reliabilityDeployGateOverridePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { migrateDatabase } from '../database/migrateDatabase';
import { OutdatedSloDataAnswer } from './config';
import { DeployGateService } from './deployGate/DeployGateService';
import { PolicyService } from './PolicyService';
import { SloReportService } from './reports/SloReportService';
import { createPolicyRouter } from './router';
import { KnexPolicyStore } from './store/KnexPolicyStore';
import {
  FakeSloStates,
  historyPoint,
  sloEntity,
  sloWith,
} from './__testUtils__/policyFixtures';
import { BUILT_IN_POLICY_SET } from '@internal/backstage-plugin-reliability-common';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const HOUR_MS = 3600_000;

const lenient: ErrorBudgetPolicy = {
  name: 'lenient',
  rules: [
    {
      state: 'review',
      when: { budgetRemainingBelow: 25 },
      decision: 'warn',
      consequence: 'Review risky changes.',
    },
  ],
};

const checkout = sloEntity('checkout-api', { [ANNOTATIONS.tier]: 'tier-1' });
const search = sloEntity(
  'search-service',
  { [ANNOTATIONS.tier]: 'tier-3' },
  { system: 'shop' },
);
const payments = sloEntity('payments', {
  [ANNOTATIONS.tier]: 'tier-3',
  [ANNOTATIONS.policy]: 'default',
});
const orphan = sloEntity('orphan', { [ANNOTATIONS.policy]: 'missing' });

const CHECKOUT = '/entities/component/default/checkout-api';
const SEARCH = '/entities/component/default/search-service';
const PAYMENTS = '/entities/component/default/payments';
const ada = mockCredentials.user.header('user:default/ada');

function runbookEntry(id: string, lastReviewed: string): RunbookEntry {
  return {
    id,
    title: `Runbook ${id}`,
    kind: 'runbook',
    answers: [],
    owner: null,
    lastReviewed,
    stale: false,
    url: null,
    source: 'markdown',
    location: null,
    error: null,
  };
}

function assessmentRecord(
  entityRef: string,
  createdAt: string,
  level: string,
): AssessmentRecord {
  return {
    id: `${entityRef}@${createdAt}`,
    entityRef,
    checklistVersion: '1',
    score: 40,
    level,
    author: 'user:default/ada',
    createdAt,
  };
}

const ASK_TEMPLATE = {
  templateRef: 'template:default/ask-deploy-gate',
  title: 'Ask the deploy gate before deploying',
};

async function setup(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  outdatedSloData?: OutdatedSloDataAnswer,
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  let now = new Date('2026-11-22T12:00:00.000Z');
  const clock = () => now;
  const store = new KnexPolicyStore({ knex });
  const slos = new FakeSloStates()
    .set(checkout, [
      sloWith('checkout-availability', -0.1, 'ticket', {
        displayName: 'Checkout availability',
      }),
      sloWith('checkout-latency', 0.6),
    ])
    .set(search, [sloWith('search-latency', 0.1, 'ticket')])
    .set(payments, [sloWith('payments-availability', 0.5, 'page')])
    .set(orphan, [sloWith('orphan-availability', null, 'unknown')]);
  const policy = new PolicyService({
    store,
    slos,
    policySet: {
      policies: { ...BUILT_IN_POLICY_SET.policies, lenient },
      tiers: { 'tier-3': 'lenient' },
      defaultPolicy: 'default',
    },
    now: clock,
  });
  // No runbooks and no assessments unless a test sets activity.given.
  const activity = { given: false };
  const runbooks = {
    list: jest.fn(
      async (entity: Entity): Promise<EntityRunbooksResponse> => ({
        entityRef: entityRefKey(entity),
        runbooks:
          activity.given && entity.metadata.name === 'checkout-api'
            ? [
                runbookEntry('rollback', '2026-11-02'),
                runbookEntry('restart', '2026-01-05'),
              ]
            : [],
        total: 0,
        query: null,
        staleCount: 0,
        staleAfterDays: 180,
        coverage: {
          ratio: null,
          alertCount: 0,
          alertsWithRunbook: 0,
          alerts: [],
          error: null,
        },
        generatedAt: now.toISOString(),
      }),
    ),
  };
  const checklist = {
    getHistory: jest.fn(
      async (entityRef: string): Promise<MaturityHistory> => ({
        entityRef,
        assessments:
          activity.given && entityRef === 'component:default/payments'
            ? [
                assessmentRecord(entityRef, '2026-08-01T09:00:00.000Z', 'none'),
                assessmentRecord(
                  entityRef,
                  '2026-11-10T09:00:00.000Z',
                  'bronze',
                ),
              ]
            : [],
      }),
    ),
  };
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: decision },
    { result: decision },
  ]);
  const catalog = catalogServiceMock({
    entities: [checkout, search, payments, orphan],
  });
  const router = createPolicyRouter({
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth({
      pluginId: 'reliability',
      defaultCredentials: mockCredentials.none(),
    }),
    userInfo: mockServices.userInfo(),
    permissions,
    catalog,
    policy,
    deployGate: new DeployGateService({
      policy,
      store,
      now: clock,
      answersPerEntity: 3,
      maxOverrideMs: 24 * HOUR_MS,
      outdatedSloData,
      askTemplate: () => ASK_TEMPLATE,
    }),
    reports: new SloReportService({
      catalog,
      slos,
      policy,
      runbooks,
      checklist,
      now: clock,
    }),
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());
  return {
    app,
    slos,
    runbooks,
    checklist,
    activity,
    permissions,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
      return now;
    },
  };
}

describe('policy routes', () => {
  it('answers the policy state of each SLO and of the service, since when, with history', async () => {
    const { app, slos, advance } = await setup();
    const first = await request(app)
      .get(`${CHECKOUT}/policy`)
      .set('Authorization', ada);
    expect(first.status).toBe(200);
    const body = first.body as EntityPolicyResponse;
    expect(body.policy.name).toBe('default');
    expect(body.source).toBe('default');
    expect(body.problem).toBeNull();
    expect(body.staleSlos).toEqual([]);
    expect(body.service).toMatchObject({
      sloName: null,
      state: 'frozen',
      decision: 'deny',
      ruleIndex: 1,
      consequence: 'Freeze feature releases; reliability work only.',
      since: '2026-11-22T12:00:00.000Z',
      budgetRemaining: -0.1,
    });
    expect(
      body.slos.map(s => [s.sloName, s.displayName, s.state, s.decision]),
    ).toEqual([
      ['checkout-availability', 'Checkout availability', 'frozen', 'deny'],
      ['checkout-latency', undefined, 'ok', 'allow'],
    ]);

    // Later: the latency SLO drops below 25 %; availability stays frozen since the first evaluation.
    slos.set(checkout, [
      sloWith('checkout-availability', -0.2, 'ticket', {
        status: { stale: true },
      }),
      sloWith('checkout-latency', 0.2),
    ]);
    const later = advance(HOUR_MS);
    const second = (
      await request(app).get(`${CHECKOUT}/policy`).set('Authorization', ada)
    ).body as EntityPolicyResponse;
    expect(second.service!.since).toBe('2026-11-22T12:00:00.000Z');
    expect(second.staleSlos).toEqual(['checkout-availability']);
    expect(second.slos.map(s => [s.sloName, s.state, s.since])).toEqual([
      ['checkout-availability', 'frozen', '2026-11-22T12:00:00.000Z'],
      ['checkout-latency', 'review', later.toISOString()],
    ]);
    expect(
      second.history.map(
        h => `${h.sloName ?? 'service'}: ${h.fromState} -> ${h.toState}`,
      ),
    ).toEqual([
      'checkout-latency: ok -> review',
      'service: null -> frozen',
      'checkout-latency: null -> ok',
      'checkout-availability: null -> frozen',
    ]);
  });

  it('resolves the policy by tier and annotation, and reports an unknown policy annotation', async () => {
    const { app } = await setup();
    const searchPolicy = (
      await request(app).get(`${SEARCH}/policy`).set('Authorization', ada)
    ).body as EntityPolicyResponse;
    expect([
      searchPolicy.policy.name,
      searchPolicy.source,
      searchPolicy.service?.state,
    ]).toEqual(['lenient', 'tier', 'review']);
    const paymentsPolicy = (
      await request(app).get(`${PAYMENTS}/policy`).set('Authorization', ada)
    ).body as EntityPolicyResponse;
    expect([
      paymentsPolicy.policy.name,
      paymentsPolicy.source,
      paymentsPolicy.service?.state,
    ]).toEqual(['default', 'annotation', 'halted']);
    const orphanPolicy = (
      await request(app)
        .get('/entities/component/default/orphan/policy')
        .set('Authorization', ada)
    ).body as EntityPolicyResponse;
    expect(orphanPolicy.problem).toMatch(/names the policy 'missing'/);
    expect(orphanPolicy.service?.state).toBe('no-data');
  });

  it('answers 404 for an entity the catalog does not have, and 401 without credentials', async () => {
    const { app } = await setup();
    expect(
      (
        await request(app)
          .get('/entities/component/default/nope/deploy-gate')
          .set('Authorization', ada)
      ).status,
    ).toBe(404);
    expect((await request(app).get(`${CHECKOUT}/deploy-gate`)).status).toBe(
      401,
    );
    expect((await request(app).get(`${CHECKOUT}/policy`)).status).toBe(401);
  });
});

describe('deploy gate', () => {
  it('says when its SLO data is old (collection behind), with the policy decision unchanged', async () => {
    const { app, slos } = await setup();
    slos.setCollectionOverdue(checkout, '2026-11-22T06:00:00.000Z');
    const res = await request(app)
      .get(`${CHECKOUT}/deploy-gate`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const gate = res.body as DeployGateResponse;
    expect(gate.decision).toBe('deny');
    expect(gate.sloDataOverdue).toEqual({
      checkedAt: '2026-11-22T06:00:00.000Z',
    });
    expect(gate.message).toMatch(
      /^deny: policy default: .* \(SLO data last checked at 2026-11-22T06:00:00.000Z: SLO collection is behind\)$/,
    );
    const onTime = await request(app)
      .get(`${SEARCH}/deploy-gate`)
      .set('Authorization', mockCredentials.user.header());
    expect(onTime.body.sloDataOverdue).toBeUndefined();
    expect(onTime.body.message).not.toMatch(/behind/);
  });

  it('answers at least warn, or deny, on outdated SLO data when configured, keeping the policy decision apart', async () => {
    const gate = async (
      outdatedSloData: OutdatedSloDataAnswer,
      entity: Entity,
    ) => {
      const { app, slos } = await setup(AuthorizeResult.ALLOW, outdatedSloData);
      slos.setCollectionOverdue(entity, '2026-11-22T06:00:00.000Z');
      const res = await request(app)
        .get(`/entities/component/default/${entity.metadata.name}/deploy-gate`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body as DeployGateResponse;
    };
    // payments: a page burn (deny); search: review (warn); orphan: no data (allow). The policy's decision stays apart.
    const warned = await gate('warn', payments);
    expect(warned).toMatchObject({ decision: 'deny', policyDecision: 'deny' });
    const raisedToWarn = await gate('warn', orphan);
    expect(raisedToWarn).toMatchObject({
      decision: 'warn',
      policyDecision: 'allow',
    });
    expect(raisedToWarn.message).toMatch(/; outdated SLO data answers warn\)$/);
    const denied = await gate('deny', search);
    expect(denied).toMatchObject({ decision: 'deny', policyDecision: 'warn' });
    expect(denied.message).toMatch(/outdated SLO data answers deny\)$/);
    const kept = await gate('decide', search);
    expect(kept).toMatchObject({ decision: 'warn', policyDecision: 'warn' });
  });

  it('denies a frozen service with the SLO, rule and since, and records the answer', async () => {
    const { app } = await setup();
    const res = await request(app)
      .get(`${CHECKOUT}/deploy-gate`)
      .query({ context: 'https://ci.example.com/run/42' })
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('external:github-actions'),
          targetPluginId: 'reliability',
        }),
      );
    expect(res.status).toBe(200);
    const gate = res.body as DeployGateResponse;
    expect(gate).toMatchObject({
      entityRef: 'component:default/checkout-api',
      decision: 'deny',
      policyDecision: 'deny',
      overridden: false,
      override: null,
      policyName: 'default',
      state: 'frozen',
      since: '2026-11-22T12:00:00.000Z',
    });
    expect(gate.reasons).toEqual([
      {
        sloName: 'checkout-availability',
        displayName: 'Checkout availability',
        state: 'frozen',
        decision: 'deny',
        ruleIndex: 1,
        consequence: 'Freeze feature releases; reliability work only.',
        since: '2026-11-22T12:00:00.000Z',
      },
    ]);
    expect(gate.message).toBe(
      'deny: policy default: checkout-availability is frozen since 2026-11-22T12:00:00.000Z (Freeze feature releases; reliability work only.)',
    );

    const activity = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate/activity`)
        .set('Authorization', ada)
    ).body as DeployGateActivity;
    expect(activity.answers).toEqual([
      {
        entityRef: 'component:default/checkout-api',
        decision: 'deny',
        policyDecision: 'deny',
        overridden: false,
        state: 'frozen',
        askedBy: 'external:github-actions',
        context: 'https://ci.example.com/run/42',
        askedAt: '2026-11-22T12:00:00.000Z',
      },
    ]);
    // The checklist's template that adds the step asking the gate, for the card's empty list.
    expect(activity.askTemplate).toEqual(ASK_TEMPLATE);
  });

  it('warns for a service in review and allows a healthy one', async () => {
    const { app, slos } = await setup();
    const warn = (
      await request(app).get(`${SEARCH}/deploy-gate`).set('Authorization', ada)
    ).body as DeployGateResponse;
    expect([
      warn.decision,
      warn.state,
      warn.reasons.map(r => r.sloName),
    ]).toEqual(['warn', 'review', ['search-latency']]);
    slos.set(search, [sloWith('search-latency', 0.9)]);
    const allow = (
      await request(app).get(`${SEARCH}/deploy-gate`).set('Authorization', ada)
    ).body as DeployGateResponse;
    expect([allow.decision, allow.state, allow.reasons, allow.message]).toEqual(
      ['allow', 'ok', [], 'allow: every SLO is within policy lenient'],
    );
  });

  it('allows an entity without SLOs', async () => {
    const { app, slos } = await setup();
    slos.set(checkout, []);
    const gate = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate`)
        .set('Authorization', ada)
    ).body as DeployGateResponse;
    expect([gate.decision, gate.state, gate.since]).toEqual([
      'allow',
      'no-slos',
      null,
    ]);
  });

  it('turns deny into allow while an override is active, records who and why, and keeps the last answers', async () => {
    const { app, permissions, advance } = await setup();
    const expiresAt = new Date('2026-11-22T14:00:00.000Z').toISOString();
    const created = await request(app)
      .post(`${CHECKOUT}/deploy-gate/overrides`)
      .set('Authorization', ada)
      .send({
        reason: '  Hotfix for INC-7, approved by the SRE lead ',
        expiresAt,
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: 'component:default/checkout-api',
      reason: 'Hotfix for INC-7, approved by the SRE lead',
      createdBy: 'user:default/ada',
      createdAt: '2026-11-22T12:00:00.000Z',
      expiresAt,
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: reliabilityDeployGateOverridePermission,
          resourceRef: 'component:default/checkout-api',
        },
        expect.anything(),
      ],
      expect.anything(),
    );

    const overridden = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate`)
        .set('Authorization', ada)
    ).body as DeployGateResponse;
    expect([
      overridden.decision,
      overridden.policyDecision,
      overridden.overridden,
    ]).toEqual(['allow', 'deny', true]);
    expect(overridden.override?.id).toBe(created.body.id);
    expect(overridden.message).toMatch(
      /^allow \(override by user:default\/ada until 2026-11-22T14:00:00.000Z: Hotfix for INC-7, approved by the SRE lead\); policy default says deny: checkout-availability is frozen/,
    );

    // After expiry the gate denies again; the override moves to the recent ones.
    advance(2 * 3600_000 + 1);
    for (let i = 0; i < 3; i++) {
      const gate = (
        await request(app)
          .get(`${CHECKOUT}/deploy-gate`)
          .set('Authorization', ada)
      ).body as DeployGateResponse;
      expect(gate.decision).toBe('deny');
    }
    const activity = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate/activity`)
        .set('Authorization', ada)
    ).body as DeployGateActivity;
    expect(activity.activeOverrides).toEqual([]);
    expect(activity.recentOverrides.map(o => o.id)).toEqual([created.body.id]);
    // answersPerEntity is 3: the overridden answer was the oldest and is gone.
    expect(activity.answers.map(a => a.decision)).toEqual([
      'deny',
      'deny',
      'deny',
    ]);
  });

  it('refuses an override without the permission, and overrides out of bounds', async () => {
    const denied = await setup(AuthorizeResult.DENY);
    const res = await request(denied.app)
      .post(`${CHECKOUT}/deploy-gate/overrides`)
      .set('Authorization', ada)
      .send({ reason: 'Hotfix', expiresAt: '2026-11-22T13:00:00.000Z' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You may not override the deploy gate of component:default/checkout-api',
    );

    const { app } = await setup();
    for (const [expiresAt, message] of [
      ['2026-11-22T11:59:59.000Z', /must be in the future/],
      ['2026-11-23T12:00:01.000Z', /at most 24 hours ahead/],
      ['tomorrow', /expiresAt: must be an ISO 8601 date-time/],
    ]) {
      const bad = await request(app)
        .post(`${CHECKOUT}/deploy-gate/overrides`)
        .set('Authorization', ada)
        .send({ reason: 'Hotfix', expiresAt });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(message);
    }
    const short = await request(app)
      .post(`${CHECKOUT}/deploy-gate/overrides`)
      .set('Authorization', ada)
      .send({ reason: ' x ', expiresAt: '2026-11-22T13:00:00.000Z' });
    expect(short.status).toBe(400);
    const activity = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate/activity`)
        .set('Authorization', ada)
    ).body as DeployGateActivity;
    expect(activity.activeOverrides).toEqual([]);
  });
});

describe('revoking an override', () => {
  async function created(app: express.Express) {
    const res = await request(app)
      .post(`${CHECKOUT}/deploy-gate/overrides`)
      .set('Authorization', ada)
      .send({
        reason: 'Hotfix for INC-7',
        expiresAt: '2026-11-22T14:00:00.000Z',
      });
    expect(res.status).toBe(201);
    return res.body as DeployGateOverride;
  }

  it('ends an override early, records who and why, and the gate denies again', async () => {
    const { app, permissions, advance } = await setup();
    const override = await created(app);
    advance(10 * 60_000);
    const res = await request(app)
      .delete(`${CHECKOUT}/deploy-gate/overrides/${override.id}`)
      .set('Authorization', mockCredentials.user.header('user:default/grace'))
      .send({ reason: '  The hotfix shipped ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...override,
      revoked: {
        at: '2026-11-22T12:10:00.000Z',
        by: 'user:default/grace',
        reason: 'The hotfix shipped',
      },
    });
    expect(permissions.authorize).toHaveBeenLastCalledWith(
      [
        {
          permission: reliabilityDeployGateOverridePermission,
          resourceRef: 'component:default/checkout-api',
        },
        expect.anything(),
      ],
      expect.anything(),
    );

    const gate = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate`)
        .set('Authorization', ada)
    ).body as DeployGateResponse;
    expect([gate.decision, gate.overridden, gate.override]).toEqual([
      'deny',
      false,
      null,
    ]);
    const activity = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate/activity`)
        .set('Authorization', ada)
    ).body as DeployGateActivity;
    expect(activity.activeOverrides).toEqual([]);
    expect(activity.recentOverrides).toEqual([res.body]);

    const again = await request(app)
      .delete(`${CHECKOUT}/deploy-gate/overrides/${override.id}`)
      .set('Authorization', ada)
      .send({ reason: 'Twice' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /already revoked by user:default\/grace/,
    );
  });

  it('refuses without the permission, and answers 404, 409 and 400 for unknown, expired and bad requests', async () => {
    const denied = await setup(AuthorizeResult.DENY);
    const refused = await request(denied.app)
      .delete(
        `${CHECKOUT}/deploy-gate/overrides/3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f`,
      )
      .set('Authorization', ada)
      .send({ reason: 'Not needed' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'You may not revoke overrides of the deploy gate of component:default/checkout-api',
    );

    const { app, advance } = await setup();
    const override = await created(app);
    const unknown = await request(app)
      .delete(`${SEARCH}/deploy-gate/overrides/${override.id}`)
      .set('Authorization', ada)
      .send({ reason: 'Wrong entity' });
    expect(unknown.status).toBe(404);
    for (const [path, body, message] of [
      [
        `${CHECKOUT}/deploy-gate/overrides/not-a-uuid`,
        { reason: 'Fine' },
        /id: must be a UUID/,
      ],
      [
        `${CHECKOUT}/deploy-gate/overrides/${override.id}`,
        { reason: ' x ' },
        /reason/,
      ],
      [`${CHECKOUT}/deploy-gate/overrides/${override.id}`, {}, /reason/],
    ] as const) {
      const bad = await request(app)
        .delete(path)
        .set('Authorization', ada)
        .send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(message);
    }
    advance(3 * 3600_000);
    const expired = await request(app)
      .delete(`${CHECKOUT}/deploy-gate/overrides/${override.id}`)
      .set('Authorization', ada)
      .send({ reason: 'Too late' });
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toMatch(/already expired/);
  });
});

describe('shortening an override', () => {
  it('keeps the override until the given end, then the gate denies again', async () => {
    const { app, advance } = await setup();
    const override = (
      await request(app)
        .post(`${CHECKOUT}/deploy-gate/overrides`)
        .set('Authorization', ada)
        .send({ reason: 'Hotfix', expiresAt: '2026-11-22T14:00:00.000Z' })
    ).body as DeployGateOverride;
    for (const [endsAt, message] of [
      ['2026-11-22T11:00:00.000Z', /endsAt must not be in the past/],
      [
        '2026-11-22T14:00:00.000Z',
        /endsAt must be before the override expires/,
      ],
      ['soon', /endsAt: must be an ISO 8601 date-time/],
    ]) {
      const bad = await request(app)
        .delete(`${CHECKOUT}/deploy-gate/overrides/${override.id}`)
        .set('Authorization', ada)
        .send({ reason: 'Shorter', endsAt });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(message);
    }
    const shortened = await request(app)
      .delete(`${CHECKOUT}/deploy-gate/overrides/${override.id}`)
      .set('Authorization', ada)
      .send({ reason: 'Shorter', endsAt: '2026-11-22T12:30:00.000Z' });
    expect(shortened.status).toBe(200);
    expect(shortened.body.revoked.at).toBe('2026-11-22T12:30:00.000Z');

    const gate = async () =>
      (
        await request(app)
          .get(`${CHECKOUT}/deploy-gate`)
          .set('Authorization', ada)
      ).body as DeployGateResponse;
    const activity = async () =>
      (
        await request(app)
          .get(`${CHECKOUT}/deploy-gate/activity`)
          .set('Authorization', ada)
      ).body as DeployGateActivity;
    expect((await gate()).decision).toBe('allow');
    expect((await activity()).activeOverrides.map(o => o.id)).toEqual([
      override.id,
    ]);
    advance(30 * 60_000);
    expect((await gate()).decision).toBe('deny');
    const after = await activity();
    expect(after.activeOverrides).toEqual([]);
    expect(after.recentOverrides.map(o => o.id)).toEqual([override.id]);
  });
});

describe('policies named in the SLO file', () => {
  it("judges an SLO by its own policy, names it in the gate's reasons and on the policy, and reports an unknown one", async () => {
    const { app, slos } = await setup();
    slos.set(checkout, [
      sloWith('checkout-availability', -0.1, 'ticket', { policy: 'lenient' }),
      sloWith('checkout-latency', 0.6, 'ok', { policy: 'missing' }),
    ]);
    const policy = (
      await request(app).get(`${CHECKOUT}/policy`).set('Authorization', ada)
    ).body as EntityPolicyResponse;
    expect([policy.policy.name, policy.source]).toEqual(['default', 'default']);
    expect(
      policy.slos.map(s => [s.sloName, s.policyName, s.policySource, s.state]),
    ).toEqual([
      // Under the entity's default policy it would be frozen.
      ['checkout-availability', 'lenient', 'slo', 'review'],
      ['checkout-latency', 'default', 'default', 'ok'],
    ]);
    expect(policy.slos[0].problem).toBeUndefined();
    expect(policy.slos[1].problem).toMatch(
      /The SLO 'checkout-latency' names the policy 'missing'/,
    );
    expect(policy.service).toMatchObject({
      state: 'review',
      decision: 'warn',
      policyName: 'lenient',
      policySource: 'slo',
    });
    expect(policy.history[0]).toMatchObject({
      sloName: null,
      policyName: 'lenient',
      toState: 'review',
    });

    const gate = (
      await request(app)
        .get(`${CHECKOUT}/deploy-gate`)
        .set('Authorization', ada)
    ).body as DeployGateResponse;
    expect([gate.decision, gate.policyName]).toEqual(['warn', 'default']);
    expect(gate.reasons).toEqual([
      expect.objectContaining({
        sloName: 'checkout-availability',
        policyName: 'lenient',
        state: 'review',
      }),
    ]);
    expect(gate.message).toBe(
      'warn: policy default: checkout-availability is review (policy lenient) since 2026-11-22T12:00:00.000Z (Review risky changes.)',
    );
  });
});

describe('SLO review report', () => {
  it('reports every SLO of a team over the last complete and the current window', async () => {
    const { app, slos } = await setup();
    slos.setHistory(checkout, 'checkout-availability', [
      historyPoint('2026-10-20T00:00:00.000Z', 'ticket'),
      historyPoint('2026-10-20T01:00:00.000Z', 'ok'),
      historyPoint('2026-10-23T11:00:00.000Z', 'ok', {
        attainment: 0.9995,
        budgetRemaining: 0.5,
      }),
      historyPoint('2026-11-21T00:00:00.000Z', 'ticket'),
    ]);
    // The policy is evaluated once, so the report has a current state and changes.
    await request(app).get(`${CHECKOUT}/policy`).set('Authorization', ada);

    const res = await request(app)
      .get('/reports/slo')
      .query({ owner: 'group:default/team-a' })
      .set('Authorization', ada);
    expect(res.status).toBe(200);
    const report = res.body as SloReport;
    expect(report.scope).toEqual({
      kind: 'owner',
      ref: 'group:default/team-a',
    });
    expect(report.entityCount).toBe(4);
    expect(report.truncated).toBe(false);
    expect(report.rows.map(r => `${r.entityRef} ${r.sloName}`)).toEqual([
      'component:default/checkout-api checkout-availability',
      'component:default/checkout-api checkout-latency',
      'component:default/orphan orphan-availability',
      'component:default/payments payments-availability',
      'component:default/search-service search-latency',
    ]);
    const availability = report.rows[0];
    expect(availability).toMatchObject({
      displayName: 'Checkout availability',
      target: 0.999,
      window: '30d',
      policyState: 'frozen',
      policyDecision: 'deny',
      previous: {
        start: '2026-09-23T12:00:00.000Z',
        end: '2026-10-23T12:00:00.000Z',
        attainment: 0.9995,
        budgetSpent: 0.5,
        met: true,
        burnAlerts: { page: 0, ticket: 1 },
      },
      current: {
        budgetSpent: 1.1,
        met: false,
        burnAlerts: { page: 0, ticket: 1 },
        policyChanges: [
          expect.objectContaining({ fromState: null, toState: 'frozen' }),
        ],
      },
    });
    expect(report.serviceChanges).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        sloName: null,
        toState: 'frozen',
      }),
    ]);
  });

  it('lists the runbooks reviewed and the assessments submitted since the earliest window start', async () => {
    const { app, runbooks, checklist, activity } = await setup();
    activity.given = true;
    const report = (
      await request(app)
        .get('/reports/slo')
        .query({ owner: 'group:default/team-a' })
        .set('Authorization', ada)
    ).body as SloReport;
    expect(report.periodStart).toBe('2026-09-23T12:00:00.000Z');
    expect(report.runbooksTouched).toEqual([
      {
        entityRef: 'component:default/checkout-api',
        id: 'rollback',
        title: 'Runbook rollback',
        kind: 'runbook',
        lastReviewed: '2026-11-02',
        url: null,
      },
    ]);
    expect(report.checklistChanges).toEqual([
      {
        entityRef: 'component:default/payments',
        assessmentId: 'component:default/payments@2026-11-10T09:00:00.000Z',
        assessedAt: '2026-11-10T09:00:00.000Z',
        author: 'user:default/ada',
        level: 'bronze',
        score: 40,
        previousLevel: 'none',
      },
    ]);
    expect(report.problems).toEqual([]);
    expect(runbooks.list).toHaveBeenCalledTimes(4);
    expect(checklist.getHistory).toHaveBeenCalledWith(
      'component:default/payments',
      100,
    );

    runbooks.list.mockRejectedValueOnce(new Error('runbook store down'));
    const partial = (
      await request(app)
        .get('/reports/slo')
        .query({ owner: 'group:default/team-a' })
        .set('Authorization', ada)
    ).body as SloReport;
    expect(partial.problems).toEqual([
      'Runbooks of component:default/checkout-api could not be read: runbook store down',
    ]);
    expect(partial.rows).toHaveLength(5);
  });

  it('answers Markdown and CSV, and a system scope', async () => {
    const { app } = await setup();
    const markdown = await request(app)
      .get('/reports/slo')
      .query({ owner: 'team-a', format: 'markdown' })
      .set('Authorization', ada);
    expect(markdown.status).toBe(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.text).toMatch(/^# SLO review: group:default\/team-a/);
    expect(markdown.text).toContain('## Last complete window');

    const csv = await request(app)
      .get('/reports/slo')
      .query({ owner: 'group:default/team-a', format: 'csv' })
      .set('Authorization', ada);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="slo-review-group-default-team-a.csv"',
    );
    // Header plus two windows for each of the five SLOs.
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(11);

    const system = await request(app)
      .get('/reports/slo')
      .query({ system: 'shop' })
      .set('Authorization', ada);
    expect(system.body.scope).toEqual({
      kind: 'system',
      ref: 'system:default/shop',
    });
    expect(
      (system.body as SloReport).rows.map(r => `${r.entityRef} ${r.sloName}`),
    ).toEqual(['component:default/search-service search-latency']);
  });

  it.each([
    [{}, /exactly one of owner and system/],
    [{ owner: 'team-a', system: 'shop' }, /exactly one of owner and system/],
    [
      { owner: 'component:default/checkout-api' },
      /owner must be a group or user ref/,
    ],
    [{ system: 'group:default/team-a' }, /system must be a system ref/],
    [{ owner: 'team-a', format: 'pdf' }, /format/],
    [{ owner: 'team-a', extra: '1' }, /Invalid report query/],
  ])('rejects the query %j', async (query, message) => {
    const { app } = await setup();
    const res = await request(app)
      .get('/reports/slo')
      .query(query)
      .set('Authorization', ada);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
