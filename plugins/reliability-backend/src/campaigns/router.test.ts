import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Campaign,
  reliabilityCampaignManagePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  campaignInput,
  component,
  fixedMaturity,
  system,
} from './__testUtils__/campaignFixtures';
import { CampaignService } from './CampaignService';
import { CampaignsRefresher } from './CampaignsRefresher';
import { createCampaignsRouter } from './router';
import { KnexCampaignStore } from './store/KnexCampaignStore';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const nora = mockCredentials.user.header('user:default/nora');

const entities = [
  component('orders', { owner: 'team-a', system: 'shop', tier: 'tier-1' }),
  component('cart', { owner: 'team-a', system: 'shop', tier: 'tier-1' }),
  component('payments', { owner: 'team-b', system: 'pay', tier: 'tier-1' }),
  component('search', { owner: 'team-b', tier: 'tier-3' }),
  system('shop', 'commerce'),
  system('pay', 'finance'),
];

const fileCampaign: Campaign = {
  id: 'restore-drills',
  ...campaignInput({
    name: 'Restore drills',
    target: { kind: 'items', itemIds: ['restore-tested'] },
    scope: { domains: ['domain:default/commerce'] },
    dueDate: '2027-03-31',
  }),
  source: 'file',
  createdBy: null,
  createdAt: null,
  updatedBy: null,
  updatedAt: null,
};

async function setup(
  manage: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const clock = { now: new Date('2026-12-10T12:00:00Z') };
  const catalog = catalogServiceMock({ entities });
  const service = new CampaignService({
    store: new KnexCampaignStore({ knex }),
    fileCampaigns: [fileCampaign],
    maturity: fixedMaturity({
      'component:default/orders': {
        level: 'beginner',
        passingItems: ['slo-defined', 'rollback'],
      },
      'component:default/payments': {
        level: 'none',
        passingItems: ['slo-defined', 'restore-tested'],
      },
    }),
    catalog,
    now: () => clock.now,
  });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([{ result: manage }]);
  const router = createCampaignsRouter({
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    userInfo: mockServices.userInfo(),
    permissions,
    catalog,
    service,
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());
  return { app, clock, service, permissions, knex };
}

describe('campaigns router', () => {
  it('creates a campaign, shows its progress per team and what is left per service', async () => {
    const { app, permissions } = await setup();
    const created = await request(app)
      .put('/campaigns/tier-1-beginner')
      .set('Authorization', nora)
      .send(campaignInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'tier-1-beginner',
      source: 'api',
      createdBy: 'user:default/nora',
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: reliabilityCampaignManagePermission }],
      expect.anything(),
    );

    const detail = await request(app)
      .get('/campaigns/tier-1-beginner')
      .set('Authorization', nora);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      schedule: 'running',
      canManage: true,
      progress: {
        services: 3,
        done: 1,
        percent: 33.3,
        teams: [
          { team: 'group:default/team-a', services: 2, done: 1 },
          { team: 'group:default/team-b', services: 1, done: 0 },
        ],
      },
      burnUp: [],
    });
    expect(
      detail.body.services.map((s: any) => [s.entityRef, s.done, s.left]),
    ).toEqual([
      ['component:default/cart', false, ['slo-defined', 'rollback']],
      ['component:default/orders', true, []],
      ['component:default/payments', false, ['rollback']],
    ]);

    const list = await request(app)
      .get('/campaigns?status=all')
      .set('Authorization', nora);
    expect(list.body.canManage).toBe(true);
    expect(
      list.body.campaigns.map((c: any) => [
        c.campaign.id,
        c.campaign.source,
        c.progress.done,
        c.progress.services,
      ]),
    ).toEqual([
      ['restore-drills', 'file', 0, 2],
      ['tier-1-beginner', 'api', 1, 3],
    ]);

    const updated = await request(app)
      .put('/campaigns/tier-1-beginner')
      .set('Authorization', nora)
      .send(campaignInput({ status: 'finished' }));
    expect(updated.status).toBe(200);
    const active = await request(app)
      .get('/campaigns')
      .set('Authorization', nora);
    expect(active.body.campaigns.map((c: any) => c.campaign.id)).toEqual([
      'restore-drills',
    ]);
  });

  it('shows each service the active campaigns that concern it and what is left', async () => {
    const { app } = await setup();
    await request(app)
      .put('/campaigns/tier-1-beginner')
      .set('Authorization', nora)
      .send(campaignInput())
      .expect(201);
    await request(app)
      .put('/campaigns/drafted')
      .set('Authorization', nora)
      .send(campaignInput({ status: 'draft' }))
      .expect(201);
    const cart = await request(app)
      .get('/entities/component/default/cart/campaigns')
      .set('Authorization', nora);
    expect(cart.status).toBe(200);
    expect(
      cart.body.campaigns.map((c: any) => [c.campaign.id, c.done, c.left]),
    ).toEqual([
      ['tier-1-beginner', false, ['slo-defined', 'rollback']],
      ['restore-drills', false, ['restore-tested']],
    ]);
    const search = await request(app)
      .get('/entities/component/default/search/campaigns')
      .set('Authorization', nora);
    expect(search.body.campaigns).toEqual([]);
    expect(
      (
        await request(app)
          .get('/entities/component/default/nope/campaigns')
          .set('Authorization', nora)
      ).status,
    ).toBe(404);
  });

  it('refuses changes without the permission, to campaigns kept as code, and with unknown targets', async () => {
    const denied = await setup(AuthorizeResult.DENY);
    const res = await request(denied.app)
      .put('/campaigns/tier-1-beginner')
      .set('Authorization', nora)
      .send(campaignInput());
    expect(res.status).toBe(403);
    expect(await denied.knex('campaigns').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
    const list = await request(denied.app)
      .get('/campaigns')
      .set('Authorization', nora);
    expect(list.body.canManage).toBe(false);

    const { app } = await setup();
    expect(
      (
        await request(app)
          .put('/campaigns/restore-drills')
          .set('Authorization', nora)
          .send(campaignInput())
      ).status,
    ).toBe(409);
    const unknown = await request(app)
      .put('/campaigns/x')
      .set('Authorization', nora)
      .send(campaignInput({ target: { kind: 'level', level: 'expert' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("no level 'expert'");
    const backwards = await request(app)
      .put('/campaigns/x')
      .set('Authorization', nora)
      .send(campaignInput({ dueDate: '2026-11-01' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('dueDate');
    expect(
      (await request(app).get('/campaigns/nope').set('Authorization', nora))
        .status,
    ).toBe(404);
  });

  it('records a daily burn-up snapshot of running campaigns and applies retention', async () => {
    const { app, clock, service } = await setup();
    await request(app)
      .put('/campaigns/tier-1-beginner')
      .set('Authorization', nora)
      .send(campaignInput())
      .expect(201);
    await request(app)
      .put('/campaigns/later')
      .set('Authorization', nora)
      .send(campaignInput({ startDate: '2027-01-01', dueDate: '2027-02-01' }))
      .expect(201);
    const listener = { campaignsMeasured: jest.fn(async () => {}) };
    const refresher = new CampaignsRefresher({
      service,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      retentionDays: 30,
      listener,
    });
    expect(await refresher.run()).toEqual({ measured: 2, deletedSnapshots: 0 });
    clock.now = new Date('2026-12-11T12:00:00Z');
    await refresher.run();
    const [measured] = listener.campaignsMeasured.mock.calls[1] as any;
    expect(measured.map((m: any) => [m.campaign.id, m.schedule])).toEqual([
      ['restore-drills', 'running'],
      ['tier-1-beginner', 'running'],
    ]);

    const detail = await request(app)
      .get('/campaigns/tier-1-beginner')
      .set('Authorization', nora);
    expect(detail.body.burnUp).toEqual([
      { day: '2026-12-10', services: 3, done: 1 },
      { day: '2026-12-11', services: 3, done: 1 },
    ]);
    const upcoming = await request(app)
      .get('/campaigns/later')
      .set('Authorization', nora);
    expect(upcoming.body).toMatchObject({ schedule: 'upcoming', burnUp: [] });

    clock.now = new Date('2027-01-10T12:00:00Z');
    // 30 days of retention: the 2026-12-10 snapshots of both running campaigns go.
    expect(await refresher.run()).toEqual({ measured: 3, deletedSnapshots: 2 });
  });
});
