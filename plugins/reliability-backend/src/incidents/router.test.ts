import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityIncidentsResponse,
  EntityPostmortemsResponse,
  IncidentFollowUpResponse,
  reliabilityIncidentsWritePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import {
  daysAgo,
  document,
  NOW,
  serviceEntity,
  teamEntity,
} from './__testUtils__/incidentFixtures';
import { createTestIncidentService } from './__testUtils__/testIncidentService';
import { IncidentFollowUpService } from './followUp/IncidentFollowUpService';
import { createIncidentsRouter } from './router';

jest.setTimeout(30_000);

const PATH = '/entities/component/default/checkout-api';
const REF = 'component:default/checkout-api';
const user = mockCredentials.user.header('user:default/ada');
const checkout = serviceEntity('checkout-api');

function body(overrides: Record<string, unknown> = {}) {
  return {
    incidents: [
      {
        id: 'INC-42',
        title: 'Checkout errors',
        severity: 'SEV-1',
        status: 'resolved',
        startedAt: daysAgo(2),
        acknowledgedAt: daysAgo(2, -0.1),
        resolvedAt: daysAgo(2, -1),
        url: 'https://status.example.com/INC-42',
        ...overrides,
      },
    ],
  };
}

async function setup(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { service, store, documents, catalog } =
    await createTestIncidentService({
      entities: [
        {
          ...checkout,
          relations: [
            { type: 'ownedBy', targetRef: 'group:default/checkout-payments' },
          ],
        },
        teamEntity(),
      ],
    });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: decision },
    { result: decision },
  ]);
  const router = createIncidentsRouter({
    httpAuth: mockServices.httpAuth({
      pluginId: 'reliability',
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    catalog,
    service,
    followUp: new IncidentFollowUpService({
      catalog,
      incidents: service,
      now: () => NOW,
    }),
    now: () => NOW,
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());
  return { app, store, documents, permissions, service, catalog };
}

describe('incidents routes', () => {
  it('writes incidents to the embedded source, idempotently by id, and lists them', async () => {
    const { app, store, permissions } = await setup();
    const first = await request(app)
      .post(`${PATH}/incidents`)
      .set('Authorization', user)
      .send(body());
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ entityRef: REF, written: 1 });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        { permission: reliabilityIncidentsWritePermission, resourceRef: REF },
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'reliability.admin' }),
        }),
      ],
      expect.anything(),
    );
    // The same incident again, now with a new title: updated, not duplicated.
    const again = await request(app)
      .post(`${PATH}/incidents`)
      .set('Authorization', user)
      .send(body({ title: 'Checkout errors (EU only)' }));
    expect(again.status).toBe(200);
    const stored = await store.listIncidents(REF, new Date(0));
    expect(stored).toEqual([
      {
        id: 'INC-42',
        source: 'embedded',
        title: 'Checkout errors (EU only)',
        severity: 'sev1',
        status: 'resolved',
        startedAt: daysAgo(2),
        acknowledgedAt: daysAgo(2, -0.1),
        resolvedAt: daysAgo(2, -1),
        url: 'https://status.example.com/INC-42',
      },
    ]);

    const listed = await request(app)
      .get(`${PATH}/incidents`)
      .set('Authorization', user);
    expect(listed.status).toBe(200);
    const response = listed.body as EntityIncidentsResponse;
    expect(response.incidents).toEqual([
      expect.objectContaining({
        id: 'INC-42',
        timeToAcknowledgeSeconds: 360,
        timeToResolveSeconds: 3600,
        postmortem: {
          state: 'due',
          // Resolved on Saturday 28 Nov: five business days are Monday to Friday.
          dueAt: '2026-12-05T00:00:00.000Z',
          documents: [],
        },
      }),
    ]);
  });

  it.each([
    ['an unknown severity', { severity: 'critical' }, /severity: must be sev1/],
    [
      'a resolved incident without resolvedAt',
      { resolvedAt: null },
      /resolvedAt: a resolved incident needs resolvedAt/,
    ],
    [
      'an open incident with resolvedAt',
      { status: 'acknowledged' },
      /only a resolved incident has resolvedAt/,
    ],
    [
      'an acknowledgement before the start',
      { acknowledgedAt: daysAgo(3) },
      /acknowledgedAt: must not be before startedAt/,
    ],
    [
      'a start in the future',
      {
        startedAt: new Date(NOW.getTime() + 3600_000).toISOString(),
        acknowledgedAt: null,
        resolvedAt: null,
        status: 'triggered',
      },
      /startedAt: lies in the future/,
    ],
    [
      'a script link',
      // eslint-disable-next-line no-script-url
      { url: 'javascript:alert(1)' },
      /url: must be an http\(s\) URL/,
    ],
    ['an id with spaces', { id: 'INC 42' }, /id: must be/],
    ['an unknown field', { priority: 'P1' }, /Unrecognized key/i],
  ])(
    'rejects %s with a 400 naming the field, writing nothing',
    async (_, overrides, message) => {
      const { app, store } = await setup();
      const res = await request(app)
        .post(`${PATH}/incidents`)
        .set('Authorization', user)
        .send(body(overrides));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await store.listIncidents(REF, new Date(0))).toEqual([]);
    },
  );

  it('rejects a repeated id within one request', async () => {
    const { app } = await setup();
    const one = body().incidents[0];
    const res = await request(app)
      .post(`${PATH}/incidents`)
      .set('Authorization', user)
      .send({ incidents: [one, { ...one, id: 'inc-42' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /incidents\.1\.id: repeats the id of incidents\.0/,
    );
  });

  it('refuses writes without permission (403) and unknown entities (404)', async () => {
    const denied = await setup(AuthorizeResult.DENY);
    const res = await request(denied.app)
      .post(`${PATH}/incidents`)
      .set('Authorization', user)
      .send(body());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `Not allowed to write incidents for ${REF}`,
    );
    expect(await denied.store.listIncidents(REF, new Date(0))).toEqual([]);

    const { app } = await setup();
    const missing = await request(app)
      .post('/entities/component/default/nope/incidents')
      .set('Authorization', user)
      .send(body());
    expect(missing.status).toBe(404);
    const read = await request(app)
      .get('/entities/component/default/nope/postmortems')
      .set('Authorization', user);
    expect(read.status).toBe(404);
  });

  it('requires authentication', async () => {
    const { app } = await setup();
    for (const [method, path] of [
      ['get', `${PATH}/incidents`],
      ['post', `${PATH}/incidents`],
      ['get', `${PATH}/postmortems`],
    ] as const) {
      const res = await request(app)[method](path).send(body());
      expect({ method, path, status: res.status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
  });

  it('lists the postmortems of an entity with missing ones and open action items', async () => {
    const { app, documents } = await setup();
    await request(app)
      .post(`${PATH}/incidents`)
      .set('Authorization', user)
      .send(body());
    documents.set(checkout, [
      document(
        'pm',
        { title: 'Checkout errors' },
        {
          incidents: ['INC-1'],
          actionItems: [
            {
              title: 'Canary the release',
              owner: null,
              due: '2026-12-01',
              status: 'open',
              issue: null,
            },
          ],
        },
      ),
    ]);
    const res = await request(app)
      .get(`${PATH}/postmortems`)
      .set('Authorization', user);
    expect(res.status).toBe(200);
    const response = res.body as EntityPostmortemsResponse;
    expect(response.postmortems.map(p => [p.id, p.unknownIncidents])).toEqual([
      ['pm', ['INC-1']],
    ]);
    expect(response.missing.map(i => i.id)).toEqual(['INC-42']);
    expect(response.actionItems.map(i => [i.title, i.overdue])).toEqual([
      ['Canary the release', false],
    ]);
  });

  it("answers a team's and the organisation's follow-up, and validates the owner", async () => {
    const { app, service, catalog } = await setup();
    await request(app)
      .post(`${PATH}/incidents`)
      .set('Authorization', user)
      .send(body({ resolvedAt: daysAgo(20), startedAt: daysAgo(21) }));
    // The team and organisation views read the summaries the refresher stores.
    const stored = await catalog.getEntityByRef(REF, {
      credentials: mockCredentials.service(),
    });
    await service.refreshEntity(stored!, mockCredentials.service());
    const team = await request(app)
      .get('/incidents/follow-up')
      .query({ owner: 'group:default/checkout-payments' })
      .set('Authorization', user);
    expect(team.status).toBe(200);
    const teamBody = team.body as IncidentFollowUpResponse;
    expect(teamBody.owner).toBe('group:default/checkout-payments');
    expect(teamBody.missing.map(m => [m.entityRef, m.incident.id])).toEqual([
      [REF, 'INC-42'],
    ]);
    const org = await request(app)
      .get('/incidents/follow-up')
      .set('Authorization', user);
    expect(org.status).toBe(200);
    expect((org.body as IncidentFollowUpResponse).owner).toBeNull();

    for (const query of [
      { owner: 'group:default/<script>' },
      { owner: ['a', 'b'] },
      { team: 'x' },
    ]) {
      const bad = await request(app)
        .get('/incidents/follow-up')
        .query(query)
        .set('Authorization', user);
      expect(bad.status).toBe(400);
    }
    const anonymous = await request(app).get('/incidents/follow-up');
    expect(anonymous.status).toBe(401);
  });
});
