import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { migrateDatabase } from '../database/migrateDatabase';
import { createRouter } from '../router';
import { createOnCallRouter } from './router';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';
import {
  fakeProvider,
  groupEntity,
  serviceEntity,
  shift,
} from './__testUtils__/onCallFixtures';
import { onCallServiceFor } from './__testUtils__/onCallServiceFor';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00.000Z');
const FILE = `
schedules:
  - id: checkout-primary
    name: Checkout primary
    timeZone: Europe/Berlin
    layers:
      - name: Daily
        members: [ana@example.com, bo@example.com]
        rotation: daily
        start: '2026-11-01'
  - id: ledger-primary
    name: Ledger primary
    timeZone: America/New_York
    layers:
      - name: Only one
        members: [solo@example.com]
        rotation: weekly
        start: '2026-11-02'
`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-router-'));
  await fs.writeFile(path.join(dir, 'oncall.yaml'), FILE);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function createApp() {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const store = new KnexOnCallStore({ knex: db });
  const repository = new ScheduleRepository({
    files: ['oncall.yaml'],
    logger: mockServices.logger.mock(),
    baseDir: dir,
  });
  await repository.reload();
  const catalog = catalogServiceMock({
    entities: [
      groupEntity('payments'),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'ana.silva', namespace: 'default' },
        spec: {
          profile: { displayName: 'Ana Silva', email: 'ana@example.com' },
        },
      },
      serviceEntity('checkout'),
      serviceEntity('ledger'),
      serviceEntity('broken', { 'fake/oncall': 'x' }),
      serviceEntity('docs', {}),
      serviceEntity('elsewhere', undefined, 'group:default/other'),
    ],
  });
  const service = onCallServiceFor({
    providers: [
      fakeProvider(() => {
        throw new Error('Opsgenie answered HTTP 401: invalid API key');
      }),
      new ScheduleAsCodeProvider({ repository }),
    ],
    store,
    catalog,
    now: () => NOW,
  });
  const router = createOnCallRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    catalog,
    service,
  });
  const app = express();
  app.use(createRouter([{ name: 'oncall', router }]));
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { app, store };
}

const user = () => ({ Authorization: mockCredentials.user.header() });

describe('on-call routes', () => {
  it('rejects requests without credentials', async () => {
    const { app } = await createApp();
    const entity = await request(app).get(
      '/entities/component/default/checkout/oncall',
    );
    expect(entity.status).toBe(401);
    const group = await request(app).get('/groups/default/payments/oncall');
    expect(group.status).toBe(401);
  });

  it('rejects malformed entity refs and answers 404 for unknown entities', async () => {
    const { app } = await createApp();
    const malformed = await request(app)
      .get('/entities/component/default/bad%20name/oncall')
      .set(user());
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.name).toBe('InputError');
    const missing = await request(app)
      .get('/entities/component/default/nope/oncall')
      .set(user());
    expect(missing.status).toBe(404);
    const group = await request(app)
      .get('/groups/default/nope/oncall')
      .set(user());
    expect(group.status).toBe(404);
    const badGroup = await request(app)
      .get('/groups/default/a%2Fb/oncall')
      .set(user());
    expect(badGroup.status).toBe(400);
  });

  it('serves the on-call snapshot of an entity with its owner', async () => {
    const { app } = await createApp();
    const res = await request(app)
      .get('/entities/component/default/checkout/oncall')
      .set(user())
      .expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.owner).toBe('group:default/payments');
    expect(res.body.snapshot.current[0]).toEqual(
      expect.objectContaining({
        person: { name: 'bo', email: 'bo@example.com' },
        end: '2026-11-21T08:00:00.000Z',
      }),
    );
  });

  it('serves a degraded state when the provider fails', async () => {
    const { app } = await createApp();
    const res = await request(app)
      .get('/entities/component/default/broken/oncall')
      .set(user())
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        status: 'error',
        message: 'Opsgenie answered HTTP 401: invalid API key',
      }),
    );
  });

  it('explains how to configure on-call for entities without annotations', async () => {
    const { app } = await createApp();
    const res = await request(app)
      .get('/entities/component/default/docs/oncall')
      .set(user())
      .expect(200);
    expect(res.body.status).toBe('not-configured');
    expect(res.body.annotations).toContain('pagerduty.com/service-id');
  });

  it('serves the team view: on call now, load over 90 days and single-person rotations', async () => {
    const { app, store } = await createApp();
    await store.recordShiftHistory(
      [
        {
          entityRef: 'component:default/checkout',
          shifts: [
            // Monday 09:00-17:00 Berlin: office hours only.
            shift(
              'ana',
              1,
              '2026-11-16T08:00:00.000Z',
              '2026-11-16T16:00:00.000Z',
            ),
            // Monday 17:00 to Tuesday 09:00: all out of hours.
            shift(
              'bo',
              1,
              '2026-11-16T16:00:00.000Z',
              '2026-11-17T08:00:00.000Z',
            ),
          ],
        },
      ],
      NOW,
    );
    const res = await request(app)
      .get('/groups/default/payments/oncall')
      .set(user())
      .expect(200);
    expect(res.body.groupRef).toBe('group:default/payments');
    expect(res.body.loadWindow).toEqual({
      from: '2026-08-22T12:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
    });
    const byRef = Object.fromEntries(
      res.body.entities.map((e: any) => [e.entityRef, e]),
    );
    expect(Object.keys(byRef)).toEqual([
      'component:default/broken',
      'component:default/checkout',
      'component:default/ledger',
    ]);
    expect(byRef['component:default/checkout']).toEqual(
      expect.objectContaining({
        status: 'ok',
        provider: 'schedule-as-code',
        primary: { name: 'bo', email: 'bo@example.com' },
        primaryRotationSize: 2,
        singlePersonRotation: false,
      }),
    );
    expect(byRef['component:default/ledger']).toEqual(
      expect.objectContaining({
        primary: { name: 'solo', email: 'solo@example.com' },
        singlePersonRotation: true,
      }),
    );
    expect(byRef['component:default/broken']).toEqual(
      expect.objectContaining({ status: 'error', primary: null }),
    );
    const load = Object.fromEntries(
      res.body.load.map((l: any) => [l.person.name, l]),
    );
    // People of stored shifts are shown by their catalog display name, keeping their email.
    expect(load['Ana Silva']).toEqual(
      expect.objectContaining({
        person: {
          name: 'Ana Silva',
          email: 'ana@example.com',
          userRef: 'user:default/ana.silva',
        },
        hoursOnCall: 8,
        shiftCount: 1,
        outOfHoursShare: 0,
      }),
    );
    // 16 hours overnight plus today's shift so far (08:00-12:00 UTC, office hours in Berlin).
    expect(load.bo).toEqual(
      expect.objectContaining({
        hoursOnCall: 20,
        shiftCount: 2,
        outOfHoursShare: 0.8,
      }),
    );
  });
});
