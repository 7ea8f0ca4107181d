import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { migrateDatabase } from '../database/migrateDatabase';
import { createRouter } from '../router';
import { KnexSliEventStore } from './embedded/KnexSliEventStore';
import { SliIngestService } from './embedded/SliIngestService';
import { createSloRouter } from './router';
import {
  checkoutEntity,
  createTestSloService,
  fakeProvider,
} from './__testUtils__/sloFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00Z');
const BASE = '/entities/component/default/checkout';

async function createApp(
  decision:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const eventStore = new KnexSliEventStore({ knex: db });
  const { service, burndown } = createTestSloService({
    db,
    providers: [fakeProvider(() => ({ good: 99, total: 100 }))],
    now: () => NOW,
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests =>
      requests.map(() => ({ result: decision })),
    ) as any,
  });
  const router = createSloRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    catalog: catalogServiceMock({ entities: [checkoutEntity()] }),
    service,
    burndown,
    ingest: new SliIngestService({ events: eventStore }),
    now: () => NOW,
  });
  const app = express();
  app.use(createRouter([{ name: 'slo', router }]));
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { app, eventStore, permissions };
}

const user = () => ({ Authorization: mockCredentials.user.header() });
const interval = (start: string, end: string, good = 9, total = 10) => ({
  start,
  end,
  good,
  total,
});

describe('SLO routes', () => {
  it('requires credentials', async () => {
    const { app } = await createApp();
    expect((await request(app).get(`${BASE}/slos`)).status).toBe(401);
    const post = await request(app)
      .post(`${BASE}/sli-events`)
      .send({ sli: 'a', events: [] });
    expect(post.status).toBe(401);
  });

  it('returns the SLOs of an entity, and 404 for unknown entities', async () => {
    const { app } = await createApp();
    const response = await request(app).get(`${BASE}/slos`).set(user());
    expect(response.status).toBe(200);
    expect(response.body.slos[0].definition.name).toBe('checkout-availability');
    expect(response.body.slos[0].status.attainment).toBe(0.99);
    await request(app)
      .get('/entities/component/default/nope/slos')
      .set(user())
      .expect(404);
  });

  it('serves bounded history and rejects bad ranges', async () => {
    const { app } = await createApp();
    await request(app).get(`${BASE}/slos`).set(user()).expect(200);
    const history = await request(app)
      .get(`${BASE}/slos/checkout-availability/history`)
      .query({ from: '2026-11-01T00:00:00Z', to: '2026-11-21T00:00:00Z' })
      .set(user());
    expect(history.status).toBe(200);
    expect(history.body.points).toHaveLength(1);
    await request(app)
      .get(`${BASE}/slos/checkout-availability/history`)
      .query({ from: '2024-01-01T00:00:00Z', to: '2026-11-21T00:00:00Z' })
      .set(user())
      .expect(400);
    await request(app)
      .get(`${BASE}/slos/checkout-availability/history`)
      .query({ from: 'yesterday' })
      .set(user())
      .expect(400);
    await request(app)
      .get(`${BASE}/slos/unknown-slo/history`)
      .set(user())
      .expect(404);
  });

  it('serves the burn-down of the current window, bounded, with 401/400/404', async () => {
    const { app } = await createApp();
    expect(
      (await request(app).get(`${BASE}/slos/checkout-availability/burndown`))
        .status,
    ).toBe(401);
    const response = await request(app)
      .get(`${BASE}/slos/checkout-availability/burndown`)
      .set(user());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      sloName: 'checkout-availability',
      windowStart: '2026-10-21T12:00:00.000Z',
      windowEnd: NOW.toISOString(),
      stale: false,
    });
    expect(response.body.points).toHaveLength(60);
    expect(response.body.points[0]).toEqual({
      at: '2026-10-21T12:00:00.000Z',
      budgetRemaining: 1,
      ideal: 1,
    });
    // 1% errors against a 0.1% budget: 10 budgets spent by now.
    expect(response.body.points[59]).toEqual({
      at: NOW.toISOString(),
      budgetRemaining: expect.closeTo(-9, 6),
      ideal: 0,
    });
    const few = await request(app)
      .get(`${BASE}/slos/checkout-availability/burndown`)
      .query({ points: '5' })
      .set(user());
    expect(few.body.points).toHaveLength(5);
    for (const query of [{ points: '1' }, { points: '201' }, { x: '1' }]) {
      await request(app)
        .get(`${BASE}/slos/checkout-availability/burndown`)
        .query(query)
        .set(user())
        .expect(400);
    }
    await request(app)
      .get(`${BASE}/slos/bad%20name/burndown`)
      .set(user())
      .expect(400);
    await request(app)
      .get(`${BASE}/slos/unknown-slo/burndown`)
      .set(user())
      .expect(404);
    await request(app)
      .get('/entities/component/default/nope/slos/x/burndown')
      .set(user())
      .expect(404);
  });

  it('ingests SLI events idempotently', async () => {
    const { app, eventStore, permissions } = await createApp();
    const body = {
      sli: 'checkout-requests',
      events: [
        interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z'),
        interval('2026-11-20T10:05:00Z', '2026-11-20T10:10:00Z'),
      ],
    };
    for (let i = 0; i < 2; i++) {
      const response = await request(app)
        .post(`${BASE}/sli-events`)
        .set(user())
        .send(body);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        entityRef: 'component:default/checkout',
        sli: 'checkout-requests',
        written: 2,
      });
    }
    expect(
      await eventStore.sumEvents(
        'component:default/checkout',
        'checkout-requests',
        new Date('2026-11-20T00:00:00Z'),
        NOW,
      ),
    ).toEqual({ good: 18, total: 20 });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'reliability.sli-events.write',
          }),
          resourceRef: 'component:default/checkout',
        }),
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'reliability.admin' }),
        }),
      ],
      expect.anything(),
    );
  });

  it.each([
    [
      'good above total',
      [interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z', 11, 10)],
    ],
    [
      'negative counts',
      [interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z', -1, 10)],
    ],
    [
      'fractional counts',
      [interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z', 1.5, 10)],
    ],
    [
      'end before start',
      [interval('2026-11-20T10:05:00Z', '2026-11-20T10:00:00Z')],
    ],
    [
      'interval over a day',
      [interval('2026-11-18T10:00:00Z', '2026-11-20T10:00:00Z')],
    ],
    [
      'interval in the future',
      [interval('2026-11-20T12:00:00Z', '2026-11-20T12:10:00Z')],
    ],
    [
      'overlapping intervals',
      [
        interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z'),
        interval('2026-11-20T10:04:00Z', '2026-11-20T10:06:00Z'),
      ],
    ],
    [
      'duplicate starts',
      [
        interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z'),
        interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z'),
      ],
    ],
  ])('rejects %s with 400 and writes nothing', async (_what, events) => {
    const { app, eventStore } = await createApp();
    const response = await request(app)
      .post(`${BASE}/sli-events`)
      .set(user())
      .send({
        sli: 'checkout-requests',
        events: [
          interval('2026-11-20T09:00:00Z', '2026-11-20T09:05:00Z'),
          ...events,
        ],
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Invalid SLI events/);
    expect(
      await eventStore.getExtent(
        'component:default/checkout',
        'checkout-requests',
      ),
    ).toBeUndefined();
  });

  it('rejects intervals overlapping each other, naming them', async () => {
    const { app } = await createApp();
    const response = await request(app)
      .post(`${BASE}/sli-events`)
      .set(user())
      .send({
        sli: 'checkout-requests',
        events: [
          interval('2026-11-20T10:05:00Z', '2026-11-20T10:10:00Z'),
          // One long interval covering two others would count their events twice.
          interval('2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z'),
          interval('2026-11-20T10:30:00Z', '2026-11-20T10:35:00Z'),
        ],
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'events.0.start: the interval 2026-11-20T10:05:00.000Z–2026-11-20T10:10:00.000Z overlaps events.1 (2026-11-20T10:00:00.000Z–2026-11-20T11:00:00.000Z)',
    );
    expect(response.body.error.message).toContain(
      'events.2.start: the interval 2026-11-20T10:30:00.000Z–2026-11-20T10:35:00.000Z overlaps events.1',
    );
  });

  it('rejects intervals overlapping stored ones, naming them, and writes nothing', async () => {
    const { app, eventStore } = await createApp();
    const post = (events: unknown[]) =>
      request(app)
        .post(`${BASE}/sli-events`)
        .set(user())
        .send({ sli: 'checkout-requests', events });
    await post([
      interval('2026-11-20T10:00:00Z', '2026-11-20T10:10:00Z', 9, 10),
    ]).expect(200);

    const response = await post([
      interval('2026-11-20T09:00:00Z', '2026-11-20T09:05:00Z', 1, 1),
      interval('2026-11-20T10:05:00Z', '2026-11-20T10:15:00Z', 5, 5),
    ]);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toContain(
      '2026-11-20T10:05:00.000Z–2026-11-20T10:15:00.000Z overlaps the stored 2026-11-20T10:00:00.000Z–2026-11-20T10:10:00.000Z',
    );
    // Same start, different end: still an overlap, not a replacement.
    await post([
      interval('2026-11-20T10:00:00Z', '2026-11-20T10:20:00Z', 1, 1),
    ]).expect(400);
    expect(
      await eventStore.sumEvents(
        'component:default/checkout',
        'checkout-requests',
        new Date('2026-11-20T00:00:00Z'),
        NOW,
      ),
    ).toEqual({ good: 9, total: 10 });

    // The same interval again replaces the stored one; touching intervals do not overlap.
    await post([
      interval('2026-11-20T10:00:00Z', '2026-11-20T10:10:00Z', 10, 10),
      interval('2026-11-20T10:10:00Z', '2026-11-20T10:15:00Z', 5, 5),
    ]).expect(200);
    expect(
      await eventStore.sumEvents(
        'component:default/checkout',
        'checkout-requests',
        new Date('2026-11-20T00:00:00Z'),
        NOW,
      ),
    ).toEqual({ good: 15, total: 15 });
  });

  it('rejects an empty or malformed body', async () => {
    const { app } = await createApp();
    for (const body of [
      { sli: 'checkout-requests', events: [] },
      {
        sli: '',
        events: [interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z')],
      },
      { sli: 'checkout-requests' },
      {
        sli: 'checkout-requests',
        events: [{ start: 'x', end: 'y', good: 1, total: 1 }],
      },
    ]) {
      const response = await request(app)
        .post(`${BASE}/sli-events`)
        .set(user())
        .send(body);
      expect(response.status).toBe(400);
    }
  });

  it('rejects more than 1000 events', async () => {
    const { app } = await createApp();
    const events = Array.from({ length: 1001 }, (_, i) =>
      interval(
        new Date(NOW.getTime() - (i + 1) * 60_000).toISOString(),
        new Date(NOW.getTime() - i * 60_000).toISOString(),
      ),
    );
    const response = await request(app)
      .post(`${BASE}/sli-events`)
      .set(user())
      .send({ sli: 'checkout-requests', events });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/events/);
  });

  it('returns 403 when the permission is denied', async () => {
    const { app, eventStore } = await createApp(AuthorizeResult.DENY);
    await request(app)
      .post(`${BASE}/sli-events`)
      .set(user())
      .send({
        sli: 'checkout-requests',
        events: [interval('2026-11-20T10:00:00Z', '2026-11-20T10:05:00Z')],
      })
      .expect(403);
    expect(
      await eventStore.getExtent(
        'component:default/checkout',
        'checkout-requests',
      ),
    ).toBeUndefined();
  });
});
