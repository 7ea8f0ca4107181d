import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ExemptionsConfig } from '../config';
import express from 'express';
import request from 'supertest';
import { createTestMaturityService } from '../__testUtils__/testMaturityService';
import { ChecklistRollupService } from '../ChecklistRollupService';
import { defaultChecklist } from '../defaultChecklist';
import { createChecklistRouter } from '../router';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY = 24 * 60 * 60 * 1000;

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

const ORDERS = '/entities/component/default/orders/maturity';
const alice = mockCredentials.user.header('user:default/alice');
const sre = mockCredentials.user.header('user:default/sre-lead');

/** A checklist router on SQLite where alice owns `orders` and sre-lead is a reliability admin. */
async function setup(
  options: {
    exemptionsConfig?: Partial<ExemptionsConfig>;
    ownerAllowed?: boolean;
  } = {},
) {
  const { exemptionsConfig, ownerAllowed = true } = options;
  const knex = await databases.init('SQLITE_3');
  const clock = { now: new Date('2026-12-01T12:00:00Z') };
  const catalog = catalogServiceMock({
    entities: [component('orders', 'team-a'), component('payments', 'team-b')],
  });
  const { store, exemptions, service, exemptionService } =
    await createTestMaturityService(knex, {
      now: () => clock.now,
      exemptionsConfig,
      catalog,
    });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (requests, opts) => {
    const principal = (opts.credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    return requests.map(r => {
      const isAdmin = principal === 'user:default/sre-lead';
      const allowed =
        r.permission.name === 'reliability.admin'
          ? isAdmin
          : isAdmin || (ownerAllowed && principal === 'user:default/alice');
      return {
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }) as any;
  });
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
  return { app, clock, service, exemptionService, knex };
}

const rollbackRequest = {
  itemId: 'rollback',
  justification: 'Rollbacks come with the platform migration in January',
  expiresAt: '2027-01-31',
};

async function rollbackItem(app: express.Express) {
  const res = await request(app).get(ORDERS).set('Authorization', alice);
  expect(res.status).toBe(200);
  return res.body.explanation.items.find(
    (i: { itemId: string }) => i.itemId === 'rollback',
  );
}

describe('exemption routes', () => {
  it('lets an owner request, an admin approve, and scores the item as exempt until revoked', async () => {
    const { app } = await setup();
    const before = await rollbackItem(app);
    expect(before.status).toBe('unanswered');

    const requested = await request(app)
      .post(`${ORDERS}/exemptions`)
      .set('Authorization', alice)
      .send(rollbackRequest);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      entityRef: 'component:default/orders',
      itemId: 'rollback',
      status: 'pending',
      requestedBy: 'user:default/alice',
      requestedExpiresAt: '2027-02-01T00:00:00.000Z',
      expiresAt: null,
    });
    // Pending: still counts as before.
    expect((await rollbackItem(app)).status).toBe('unanswered');

    const list = await request(app)
      .get(`${ORDERS}/exemptions`)
      .set('Authorization', alice);
    expect(list.body).toMatchObject({
      entityRef: 'component:default/orders',
      canRequest: true,
      canDecide: false,
      maxDurationDays: 180,
      autoApprovedItems: [],
    });
    expect(list.body.exemptions.map((e: any) => e.status)).toEqual(['pending']);

    // Owners may not decide.
    const ownDecision = await request(app)
      .post(`${ORDERS}/exemptions/rollback/decision`)
      .set('Authorization', alice)
      .send({ decision: 'approve' });
    expect(ownDecision.status).toBe(403);

    const approved = await request(app)
      .post(`${ORDERS}/exemptions/rollback/decision`)
      .set('Authorization', sre)
      .send({
        decision: 'approve',
        comment: 'Fine until the migration',
        expiresAt: '2027-01-15',
      });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'active',
      decidedBy: 'user:default/sre-lead',
      decisionComment: 'Fine until the migration',
      expiresAt: '2027-01-16T00:00:00.000Z',
    });
    const exempt = await rollbackItem(app);
    expect(exempt).toMatchObject({
      status: 'exempt',
      credit: null,
      passes: true,
      exemption: {
        expiresAt: '2027-01-16T00:00:00.000Z',
        grantedBy: 'user:default/sre-lead',
      },
    });
    const rollups = await request(app)
      .get('/rollups?by=team')
      .set('Authorization', alice);
    const teamA = rollups.body.rollups.find(
      (r: { key: string }) => r.key === 'group:default/team-a',
    );
    expect(teamA).toMatchObject({
      exemptCount: 1,
      nextExemptionExpiresAt: '2027-01-16T00:00:00.000Z',
    });
    const active = await request(app)
      .get('/exemptions?status=active')
      .set('Authorization', alice);
    expect(active.body.exemptions.map((e: any) => e.itemId)).toEqual([
      'rollback',
    ]);
    expect(active.body.canDecide).toBe(false);

    // Only admins revoke; the item counts again at once.
    const ownRevoke = await request(app)
      .delete(`${ORDERS}/exemptions/rollback`)
      .set('Authorization', alice)
      .send({ reason: 'no longer needed' });
    expect(ownRevoke.status).toBe(403);
    const revoked = await request(app)
      .delete(`${ORDERS}/exemptions/rollback`)
      .set('Authorization', sre)
      .send({ reason: 'The migration slipped; fix rollbacks now' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedBy: 'user:default/sre-lead',
      revokeReason: 'The migration slipped; fix rollbacks now',
    });
    expect((await rollbackItem(app)).status).toBe('unanswered');
    const again = await request(app)
      .delete(`${ORDERS}/exemptions/rollback`)
      .set('Authorization', sre)
      .send({ reason: 'twice' });
    expect(again.status).toBe(404);
  });

  it('rejects requests of non-owners, unknown items, past or too distant expiries and duplicates', async () => {
    const { app, knex } = await setup({ ownerAllowed: false });
    const denied = await request(app)
      .post(`${ORDERS}/exemptions`)
      .set('Authorization', alice)
      .send(rollbackRequest);
    expect(denied.status).toBe(403);
    expect(await knex('checklist_exemptions').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);

    const send = (body: object) =>
      request(app)
        .post(`${ORDERS}/exemptions`)
        .set('Authorization', sre)
        .send({ ...rollbackRequest, ...body });
    const unknown = await send({ itemId: 'no-such-item' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain(
      "unknown checklist item 'no-such-item'",
    );
    expect((await send({ expiresAt: '2026-11-30' })).status).toBe(400);
    const tooLong = await send({ expiresAt: '2027-12-31' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain(
      'reliability.checklist.exemptions.maxDuration',
    );
    expect((await send({ justification: '   ' })).status).toBe(400);

    expect((await send({})).status).toBe(201);
    expect((await send({})).status).toBe(409);

    // An approval may shorten the expiry, never extend it.
    const longer = await request(app)
      .post(`${ORDERS}/exemptions/rollback/decision`)
      .set('Authorization', sre)
      .send({ decision: 'approve', expiresAt: '2027-03-01' });
    expect(longer.status).toBe(400);
    const rejected = await request(app)
      .post(`${ORDERS}/exemptions/rollback/decision`)
      .set('Authorization', sre)
      .send({ decision: 'reject', comment: 'Fix it instead' });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionComment: 'Fix it instead',
      expiresAt: null,
    });
    // Rejected: closed, so the item may be asked for again.
    expect((await send({})).status).toBe(201);
  });

  it('approves configured items at once, and counts the item again once the exemption expires', async () => {
    const { app, clock, exemptionService } = await setup({
      exemptionsConfig: { autoApprove: ['rollback'] },
    });
    const requested = await request(app)
      .post(`${ORDERS}/exemptions`)
      .set('Authorization', alice)
      .send({ ...rollbackRequest, expiresAt: '2026-12-10T00:00:00Z' });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'active',
      decidedBy: 'auto-approval',
      expiresAt: '2026-12-10T00:00:00.000Z',
    });
    expect((await rollbackItem(app)).status).toBe('exempt');

    clock.now = new Date('2026-12-10T00:00:00Z');
    expect((await rollbackItem(app)).status).toBe('unanswered');
    expect(await exemptionService.closeEndedAndApplyRetention()).toEqual({
      closed: 1,
      deleted: 0,
    });
    const list = await request(app)
      .get(`${ORDERS}/exemptions`)
      .set('Authorization', alice);
    expect(list.body.exemptions.map((e: any) => e.status)).toEqual(['expired']);

    // Closed exemptions are kept for the history period (365 days by default), then deleted.
    clock.now = new Date(clock.now.getTime() + 366 * DAY);
    expect(await exemptionService.closeEndedAndApplyRetention()).toEqual({
      closed: 0,
      deleted: 1,
    });
  });
});
