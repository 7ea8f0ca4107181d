import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reliabilityAdminPermission,
  reliabilityAssessmentCreatePermission,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { createTestMaturityService } from './__testUtils__/testMaturityService';
import { ChecklistRollupService } from './ChecklistRollupService';
import { defaultChecklist } from './defaultChecklist';
import { createChecklistRouter } from './router';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const now = new Date('2026-11-22T12:00:00Z');

function component(name: string, owner: string, system?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner, system },
  };
}

const entities: Entity[] = [
  component('orders', 'team-a', 'shop'),
  component('payments', 'team-b', 'shop'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'team-a', domain: 'commerce' },
  },
];

const sloSummary: SloSummary = {
  entityRef: 'component:default/orders',
  sloCount: 2,
  definitionErrors: 0,
  slosMeetingTarget: 2,
  burnRateAlertsConfigured: true,
  worstBudgetRemaining: 0.4,
  alerting: null,
  alertCount: 4,
  alertsWithRunbook: 4,
  stale: false,
  updatedAt: now.toISOString(),
};

const ORDERS = '/entities/component/default/orders/maturity';
const alice = mockCredentials.user.header('user:default/alice');

async function setup(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  clock: { now: Date } = { now },
) {
  const knex = await databases.init('SQLITE_3');
  const catalog = catalogServiceMock({ entities });
  const { store, exemptions, service, exemptionService } =
    await createTestMaturityService(knex, {
      sources: {
        slo: {
          getSummaries: async refs =>
            new Map(
              refs
                .filter(r => r === sloSummary.entityRef)
                .map(r => [r, sloSummary]),
            ),
        },
      },
      now: () => clock.now,
      catalog,
    });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result: decision }]);
  const router = createChecklistRouter({
    service,
    rollups: new ChecklistRollupService({
      catalog,
      store,
      exemptions,
      checklist: defaultChecklist,
      now: () => clock.now,
    }),
    exemptions: exemptionService,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    userInfo: mockServices.userInfo(),
    permissions,
    catalog,
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());
  return { app, permissions, service, knex };
}

const validSubmission = {
  checklistVersion: defaultChecklist.version,
  answers: {
    rollback: {
      answer: 'yes',
      evidenceUrl: 'https://wiki.example.com/orders/rollback',
      note: 'Rolled back twice last quarter',
    },
    'automated-deploy': { answer: 'partial', expiresAt: '2027-01-31' },
    'restore-tested': {
      answer: 'not-applicable',
      note: 'Stateless: keeps no data of its own',
    },
  },
};

describe('checklist router', () => {
  it('rejects requests without credentials', async () => {
    const { app } = await setup();
    for (const path of [
      '/checklist',
      '/rollups',
      ORDERS,
      `${ORDERS}/history`,
      `${ORDERS}/draft`,
      `${ORDERS}/audit`,
    ]) {
      expect((await request(app).get(path)).status).toBe(401);
    }
    expect(
      (await request(app).post(`${ORDERS}/assessments`).send(validSubmission))
        .status,
    ).toBe(401);
  });

  it('serves the current checklist', async () => {
    const { app } = await setup();
    const response = await request(app)
      .get('/checklist')
      .set('Authorization', alice);
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(defaultChecklist.version);
    expect(response.body.items.length).toBeGreaterThan(20);
  });

  it('evaluates automatic items and reports unknown ones when a data source is missing', async () => {
    const { app } = await setup();
    const response = await request(app).get(ORDERS).set('Authorization', alice);
    expect(response.status).toBe(200);
    const automatic = Object.fromEntries(
      response.body.automatic.map((a: any) => [a.itemId, a.status]),
    );
    expect(automatic).toEqual({
      'slo-defined': 'pass',
      'slo-met-last-window': 'pass',
      'burn-rate-alerts': 'pass',
      'deploys-ask-gate': 'unknown',
      'oncall-two-people': 'unknown',
      'runbook-coverage': 'unknown',
      'runbooks-fresh': 'unknown',
      'pages-have-runbooks': 'unknown',
      'no-noisy-alerts': 'unknown',
      'pages-mostly-slo': 'unknown',
      'postmortems-on-time': 'unknown',
      'action-items-on-time': 'unknown',
      'acknowledge-within-target': 'unknown',
    });
    expect(response.body.latestAssessment).toBeNull();
    expect(response.body.explanation.level).toBe('none');
    expect(response.body.explanation.excluded).toContain('oncall-two-people');
  });

  it('stores a submission with its author, defaults and history', async () => {
    const { app, permissions } = await setup();
    const submitted = await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send(validSubmission);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      entityRef: 'component:default/orders',
      author: 'user:default/alice',
      checklistVersion: defaultChecklist.version,
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: reliabilityAssessmentCreatePermission,
          resourceRef: 'component:default/orders',
        },
        { permission: reliabilityAdminPermission },
      ],
      expect.anything(),
    );

    const maturity = await request(app).get(ORDERS).set('Authorization', alice);
    expect(maturity.body.answers.rollback).toEqual({
      answer: 'yes',
      evidenceUrl: 'https://wiki.example.com/orders/rollback',
      note: 'Rolled back twice last quarter',
      answeredAt: now.toISOString(),
      expiresAt: '2027-05-21T12:00:00.000Z',
      expired: false,
    });
    expect(maturity.body.answers['automated-deploy'].expiresAt).toBe(
      '2027-02-01T00:00:00.000Z',
    );
    expect(maturity.body.latestAssessment.id).toBe(submitted.body.id);

    const history = await request(app)
      .get(`${ORDERS}/history`)
      .set('Authorization', alice);
    expect(history.body.assessments).toHaveLength(1);

    const detail = await request(app)
      .get(`${ORDERS}/assessments/${submitted.body.id}`)
      .set('Authorization', alice);
    expect(detail.status).toBe(200);
    expect(detail.body.checklist.version).toBe(defaultChecklist.version);
  });

  it('tells the caller they may submit when the policy allows', async () => {
    const { app, permissions } = await setup(AuthorizeResult.ALLOW);
    const response = await request(app).get(ORDERS).set('Authorization', alice);
    expect(response.status).toBe(200);
    expect(response.body.canSubmit).toBe(true);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: reliabilityAssessmentCreatePermission,
          resourceRef: 'component:default/orders',
        },
        { permission: reliabilityAdminPermission },
      ],
      expect.anything(),
    );
  });

  it('tells reliability admins they may submit where the owner condition denies', async () => {
    const { app, permissions } = await setup();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.ALLOW },
    ]);
    const response = await request(app).get(ORDERS).set('Authorization', alice);
    expect(response.body.canSubmit).toBe(true);
  });

  it('reports canSubmit false and still answers 403 on writes when the policy denies', async () => {
    const { app, permissions } = await setup(AuthorizeResult.DENY);
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.DENY },
    ]);
    const maturity = await request(app).get(ORDERS).set('Authorization', alice);
    expect(maturity.status).toBe(200);
    expect(maturity.body.canSubmit).toBe(false);
    expect(maturity.body.explanation).toBeDefined();

    const submitted = await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send(validSubmission);
    expect(submitted.status).toBe(403);
    expect(submitted.body.error.name).toBe('NotAllowedError');

    const draft = await request(app)
      .put(`${ORDERS}/draft`)
      .set('Authorization', alice)
      .send({ checklistVersion: defaultChecklist.version, answers: {} });
    expect(draft.status).toBe(403);
    expect(draft.body.error.name).toBe('NotAllowedError');
  });

  it('lets holders of the admin permission submit where the owner condition denies', async () => {
    const { app, permissions } = await setup();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.DENY },
      { result: AuthorizeResult.ALLOW },
    ]);
    const response = await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send(validSubmission);
    expect(response.status).toBe(201);
  });

  it('answers 409 when the checklist version is not the current one', async () => {
    const { app } = await setup();
    const response = await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send({ ...validSubmission, checklistVersion: 'old' });
    expect(response.status).toBe(409);
  });

  it.each([
    [
      'a non-http evidence link',
      // eslint-disable-next-line no-script-url
      { rollback: { answer: 'yes', evidenceUrl: 'javascript:alert(1)' } },
    ],
    ['an unknown answer', { rollback: { answer: 'maybe' } }],
    [
      'a too long note',
      { rollback: { answer: 'yes', note: 'x'.repeat(2001) } },
    ],
    ['an unknown item', { 'no-such-item': { answer: 'yes' } }],
    ['an answer to an automatic item', { 'slo-defined': { answer: 'yes' } }],
    [
      'an expiry in the past',
      { rollback: { answer: 'yes', expiresAt: '2020-01-01' } },
    ],
    [
      'an expiry too far ahead',
      { rollback: { answer: 'yes', expiresAt: '2035-01-01' } },
    ],
  ])('answers 400 for %s', async (_what, answers) => {
    const { app } = await setup();
    const response = await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send({ checklistVersion: defaultChecklist.version, answers });
    expect(response.status).toBe(400);
  });

  it('answers 400 for malformed entity refs and queries, 404 for unknown entities', async () => {
    const { app } = await setup();
    expect(
      (
        await request(app)
          .get('/entities/component/default/bad name/maturity')
          .set('Authorization', alice)
      ).status,
    ).toBe(400);
    expect(
      (await request(app).get('/rollups?by=planet').set('Authorization', alice))
        .status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .get(`${ORDERS}/history?limit=100000`)
          .set('Authorization', alice)
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .get('/entities/component/default/unknown/maturity')
          .set('Authorization', alice)
      ).status,
    ).toBe(404);
    expect(
      (
        await request(app)
          .get(`${ORDERS}/assessments/not-a-uuid`)
          .set('Authorization', alice)
      ).status,
    ).toBe(400);
  });

  it('saves and resumes a draft per user, and drops it on submission', async () => {
    const { app } = await setup();
    const empty = await request(app)
      .get(`${ORDERS}/draft`)
      .set('Authorization', alice);
    expect(empty.body).toEqual({ draft: null });

    const saved = await request(app)
      .put(`${ORDERS}/draft`)
      .set('Authorization', alice)
      .send({
        checklistVersion: defaultChecklist.version,
        answers: { rollback: { answer: 'yes', evidenceUrl: 'https://wi' } },
        step: 3,
      });
    expect(saved.status).toBe(200);

    const bob = await request(app)
      .get(`${ORDERS}/draft`)
      .set('Authorization', mockCredentials.user.header('user:default/bob'));
    expect(bob.body).toEqual({ draft: null });

    const resumed = await request(app)
      .get(`${ORDERS}/draft`)
      .set('Authorization', alice);
    expect(resumed.body.draft).toMatchObject({
      step: 3,
      answers: { rollback: { answer: 'yes', evidenceUrl: 'https://wi' } },
    });

    expect(
      (
        await request(app)
          .put(`${ORDERS}/draft`)
          .set('Authorization', alice)
          .send({ checklistVersion: 'x', answers: {}, step: 99 })
      ).status,
    ).toBe(400);

    await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send(validSubmission)
      .expect(201);
    const after = await request(app)
      .get(`${ORDERS}/draft`)
      .set('Authorization', alice);
    expect(after.body).toEqual({ draft: null });
  });

  it('rolls maturity up by team, system, domain and org', async () => {
    const { app, service } = await setup();
    await request(app)
      .post(`${ORDERS}/assessments`)
      .set('Authorization', alice)
      .send(validSubmission)
      .expect(201);
    await service.refresh(['component:default/payments']);

    const byTeam = await request(app)
      .get('/rollups?by=team')
      .set('Authorization', alice);
    expect(byTeam.status).toBe(200);
    expect(byTeam.body.rollups.map((r: any) => r.key)).toEqual([
      'group:default/team-a',
      'group:default/team-b',
    ]);
    const teamA = byTeam.body.rollups[0];
    expect(teamA).toMatchObject({
      serviceCount: 1,
      scoredCount: 1,
      levels: { none: 1, beginner: 0, intermediate: 0, advanced: 0 },
    });
    expect(teamA.averageScore).toBeGreaterThan(0);
    expect(teamA.weakestCategories).toHaveLength(3);
    // payments: never assessed, but "no SLO defined" is a real (failing) automatic result
    expect(byTeam.body.rollups[1]).toMatchObject({
      serviceCount: 1,
      scoredCount: 1,
      averageScore: 0,
      levels: { none: 1 },
    });

    const unassessed = await request(app)
      .get('/rollups?by=system')
      .set('Authorization', alice);
    expect(unassessed.body.rollups).toEqual([
      expect.objectContaining({ key: 'system:default/shop', serviceCount: 2 }),
    ]);

    const byDomain = await request(app)
      .get('/rollups?by=domain')
      .set('Authorization', alice);
    expect(byDomain.body.rollups).toEqual([
      expect.objectContaining({
        key: 'domain:default/commerce',
        serviceCount: 2,
      }),
    ]);
    const byOrg = await request(app)
      .get('/rollups?by=org')
      .set('Authorization', alice);
    expect(byOrg.body.rollups).toEqual([
      expect.objectContaining({ key: 'org', serviceCount: 2, scoredCount: 2 }),
    ]);
  });

  describe('self-assessment that cannot be gamed', () => {
    const submit = (app: express.Express, answers: Record<string, unknown>) =>
      request(app)
        .post(`${ORDERS}/assessments`)
        .set('Authorization', alice)
        .send({ checklistVersion: defaultChecklist.version, answers });

    it('answers 400 naming the limit for an expiry beyond the configured validity', async () => {
      const { app } = await setup();
      // One year ahead: within the former 3-year bound, beyond the configured 180 days.
      const response = await submit(app, {
        rollback: { answer: 'yes', expiresAt: '2027-11-22' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        'at most 180 days (reliability.checklist.answerValidityDays), that is until 2027-05-21T12:00:00.000Z',
      );
      const late = await submit(app, {
        rollback: { answer: 'yes', expiresAt: '2027-05-21T12:00:01Z' },
      });
      expect(late.status).toBe(400);
    });

    it('accepts the last day of the validity and expires the answer at the limit', async () => {
      const { app } = await setup();
      await submit(app, {
        rollback: { answer: 'yes', expiresAt: '2027-05-21' },
      }).expect(201);
      const maturity = await request(app)
        .get(ORDERS)
        .set('Authorization', alice);
      expect(maturity.body.answers.rollback.expiresAt).toBe(
        '2027-05-21T12:00:00.000Z',
      );
    });

    it('answers 400 to "not applicable" on an item every service needs', async () => {
      const { app } = await setup();
      const response = await submit(app, {
        rollback: { answer: 'not-applicable', note: 'We never roll back' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        `item 'rollback' cannot be answered "not applicable"`,
      );
    });

    it('answers 400 to "not applicable" without a justification note', async () => {
      const { app } = await setup();
      for (const note of [undefined, '   ']) {
        const response = await submit(app, {
          'restore-tested': { answer: 'not-applicable', note },
        });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(
          `answer "not applicable" to 'restore-tested' needs a note`,
        );
      }
    });

    it('shows allowed "not applicable" answers apart in the explanation and counts them in roll-ups', async () => {
      const { app } = await setup();
      await submit(app, validSubmission.answers).expect(201);
      const maturity = await request(app)
        .get(ORDERS)
        .set('Authorization', alice);
      expect(maturity.body.explanation.notApplicable).toEqual([
        'restore-tested',
      ]);
      const item = maturity.body.explanation.items.find(
        (i: any) => i.itemId === 'restore-tested',
      );
      expect(item.status).toBe('not-applicable');
      expect(item.reason).toContain('Stateless: keeps no data of its own');
      const capacity = maturity.body.explanation.categories.find(
        (c: any) => c.category === 'capacity',
      );
      expect(capacity.notApplicable).toBe(1);

      const byOrg = await request(app)
        .get('/rollups?by=org')
        .set('Authorization', alice);
      expect(byOrg.body.rollups[0].notApplicableCount).toBe(1);
    });
  });

  describe('answer audit', () => {
    it('shows reliability admins who answered what, newest first, with changes marked', async () => {
      const clock = { now };
      const { app, permissions } = await setup(AuthorizeResult.ALLOW, clock);
      await request(app)
        .post(`${ORDERS}/assessments`)
        .set('Authorization', alice)
        .send(validSubmission)
        .expect(201);
      // A minute later, so "newest first" does not depend on the order of random ids.
      clock.now = new Date(now.getTime() + 60_000);
      await request(app)
        .post(`${ORDERS}/assessments`)
        .set('Authorization', mockCredentials.user.header('user:default/bob'))
        .send({
          ...validSubmission,
          answers: {
            ...validSubmission.answers,
            rollback: { answer: 'no', note: 'Rollback script broke' },
          },
        })
        .expect(201);
      permissions.authorize.mockClear();

      const response = await request(app)
        .get(`${ORDERS}/audit`)
        .set('Authorization', alice);
      expect(response.status).toBe(200);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: reliabilityAdminPermission }],
        expect.anything(),
      );
      const [latest, first] = response.body.assessments;
      expect(response.body.assessments).toHaveLength(2);
      expect(latest.author).toBe('user:default/bob');
      expect(first.author).toBe('user:default/alice');
      expect(latest.notApplicableCount).toBe(1);
      const answer = (assessment: any, itemId: string) =>
        assessment.answers.find((a: any) => a.itemId === itemId);
      expect(answer(latest, 'rollback')).toMatchObject({
        itemTitle:
          'A release can be rolled back quickly, and that has been tried',
        answer: 'no',
        note: 'Rollback script broke',
        changed: true,
      });
      expect(answer(latest, 'restore-tested')).toMatchObject({
        answer: 'not-applicable',
        note: 'Stateless: keeps no data of its own',
        changed: false,
      });
      expect(answer(first, 'rollback')).toMatchObject({
        answer: 'yes',
        changed: true,
      });

      const limited = await request(app)
        .get(`${ORDERS}/audit?limit=1`)
        .set('Authorization', alice);
      expect(limited.body.assessments.map((a: any) => a.author)).toEqual([
        'user:default/bob',
      ]);
      expect(
        answer(limited.body.assessments[0], 'restore-tested').changed,
      ).toBe(false);
    });

    it('answers 403 to everyone but reliability admins, and 400 to a bad limit', async () => {
      const { app } = await setup(AuthorizeResult.DENY);
      const denied = await request(app)
        .get(`${ORDERS}/audit`)
        .set('Authorization', alice);
      expect(denied.status).toBe(403);
      expect(denied.body.error.name).toBe('NotAllowedError');

      const { app: allowed } = await setup();
      expect(
        (
          await request(allowed)
            .get(`${ORDERS}/audit?limit=0`)
            .set('Authorization', alice)
        ).status,
      ).toBe(400);
      expect(
        (
          await request(allowed)
            .get('/entities/component/default/unknown/maturity/audit')
            .set('Authorization', alice)
        ).status,
      ).toBe(404);
    });
  });
});
