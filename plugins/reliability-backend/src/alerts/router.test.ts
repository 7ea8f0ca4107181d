import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityAlertsResponse,
  reliabilityAlertsWritePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { entity, hoursAgo, NOW } from './__testUtils__/alertFixtures';
import { createTestAlertsArea } from './__testUtils__/testAlertService';
import { createAlertsRouter } from './router';

jest.setTimeout(30_000);

const PATH = '/entities/component/default/checkout-api/alerts';
const REF = 'component:default/checkout-api';
const user = mockCredentials.user.header('user:default/ada');
const checkout = entity('Component', 'checkout-api', {
  tier: 'tier-1',
  owner: 'group:default/checkout-payments',
});

const body = {
  alerts: [
    {
      id: 'checkout/HighErrors',
      name: 'CheckoutHighErrors',
      state: 'firing',
      severity: 'critical',
      pages: true,
      runbookUrl: 'https://wiki.example.com/errors',
      labels: { team: 'checkout' },
    },
  ],
  firings: [{ alertId: 'checkout/HighErrors', startedAt: hoursAgo(1) }],
};

async function setup(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { service, store, refresher, catalog } = await createTestAlertsArea({
    entities: [checkout],
  });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: decision },
    { result: decision },
  ]);
  const router = createAlertsRouter({
    httpAuth: mockServices.httpAuth({
      pluginId: 'reliability',
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    catalog,
    service,
    now: () => NOW,
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());
  return { app, store, permissions, refresher };
}

describe('alerts routes', () => {
  it('writes alerts and firings to the embedded source, idempotently, and lists them', async () => {
    const { app, permissions } = await setup();
    for (let i = 0; i < 2; i++) {
      const res = await request(app)
        .post(PATH)
        .set('Authorization', user)
        .send(body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        entityRef: REF,
        alerts: 1,
        firings: 1,
        removed: 0,
      });
    }
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        { permission: reliabilityAlertsWritePermission, resourceRef: REF },
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'reliability.admin' }),
        }),
      ],
      expect.anything(),
    );
    const res = await request(app).get(PATH).set('Authorization', user);
    expect(res.status).toBe(200);
    const view = res.body as EntityAlertsResponse;
    expect(
      view.alerts.map(a => [a.id, a.state, a.fired, a.runbook?.url]),
    ).toEqual([
      ['checkout/HighErrors', 'firing', 1, 'https://wiki.example.com/errors'],
    ]);
    expect(view.coverage).toEqual({
      pagingAlerts: 1,
      pagingWithRunbook: 1,
      ratio: 1,
    });
  });

  it('refuses writes without permission, invalid bodies and unknown entities', async () => {
    const denied = await setup(AuthorizeResult.DENY);
    const res = await request(denied.app)
      .post(PATH)
      .set('Authorization', user)
      .send(body);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `Not allowed to write alerts for ${REF}`,
    );

    const { app } = await setup();
    const bad = await request(app)
      .post(PATH)
      .set('Authorization', user)
      .send({
        alerts: [
          {
            ...body.alerts[0],
            state: 'burning',
            // eslint-disable-next-line no-script-url
            runbookUrl: 'javascript:alert(1)',
          },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('alerts.0.state');
    expect(bad.body.error.message).toContain(
      'alerts.0.runbookUrl: must be an http(s) URL',
    );
    const manyLabels = await request(app)
      .post(PATH)
      .set('Authorization', user)
      .send({
        alerts: [
          {
            ...body.alerts[0],
            labels: Object.fromEntries(
              Array.from({ length: 51 }, (_, i) => [`label${i}`, 'x']),
            ),
          },
        ],
      });
    expect(manyLabels.status).toBe(400);
    expect(manyLabels.body.error.message).toContain('at most 50 labels');
    const badLabel = await request(app)
      .post(PATH)
      .set('Authorization', user)
      .send({ alerts: [{ ...body.alerts[0], labels: { 'not a name': 'x' } }] });
    expect(badLabel.status).toBe(400);
    const unknownAlert = await request(app)
      .post(PATH)
      .set('Authorization', user)
      .send({ firings: [{ alertId: 'nope', startedAt: hoursAgo(1) }] });
    expect(unknownAlert.status).toBe(400);
    const missing = await request(app)
      .post('/entities/component/default/nowhere/alerts')
      .set('Authorization', user)
      .send(body);
    expect(missing.status).toBe(404);
    expect((await request(app).get(PATH)).status).toBe(401);
  });

  it('serves the coverage of a team and of the organisation', async () => {
    const { app, refresher } = await setup();
    await request(app).post(PATH).set('Authorization', user).send(body);
    await refresher.run();
    const team = await request(app)
      .get('/alerts/coverage?owner=group:default/checkout-payments')
      .set('Authorization', user);
    expect(team.status).toBe(200);
    expect(team.body.owner).toBe('group:default/checkout-payments');
    expect(
      team.body.entities.map((e: { entityRef: string }) => e.entityRef),
    ).toEqual([REF]);
    const org = await request(app)
      .get('/alerts/coverage')
      .set('Authorization', user);
    expect(org.body.owner).toBeNull();
    expect(org.body.coverage).toEqual({
      pagingAlerts: 1,
      pagingWithRunbook: 1,
      ratio: 1,
    });
    const bad = await request(app)
      .get('/alerts/coverage?owner=not a ref')
      .set('Authorization', user);
    expect(bad.status).toBe(400);
  });
});
