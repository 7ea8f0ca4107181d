/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to prove they are neutralised */
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  EntityRunbooksResponse,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { createRunbooksRouter } from './router';
import { RunbookService } from './RunbookService';
import { RunbookCollector } from './sources/RunbookCollector';
import { createFakeUrlReader } from './testUtils';

const BASE = 'https://git.example.com/shop/orders/blob/main/';

const ordersApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-api',
    namespace: 'default',
    annotations: {
      'backstage.io/source-location': `url:${BASE}`,
      [ANNOTATIONS.runbooks]: 'runbooks/',
    },
    links: [
      {
        url: 'https://wiki.example.com/orders/db-failover',
        title: 'Database failover',
        type: 'runbook',
      },
      { url: 'javascript:alert(1)', title: 'Sneaky', type: 'runbook' },
    ],
  },
  spec: { owner: 'group:default/team-orders' },
};

const files = {
  [`${BASE}runbooks/index.yaml`]:
    '- high-error-rate.md\n- rollback.md\n- broken.md\n',
  [`${BASE}runbooks/high-error-rate.md`]: `---
title: Orders API error rate
answers: [orders-availability-fast-burn]
lastReviewed: 2026-10-01
---
# Orders API error rate

Check the **payments** dependency first, then the database pool.
`,
  [`${BASE}runbooks/rollback.md`]: `---
title: Roll back an orders-api release
kind: rollback
lastReviewed: 2025-01-10
---
Use \`kubectl rollout undo deployment/orders-api\`.
`,
  [`${BASE}runbooks/broken.md`]: '---\nkind: [nope\n---\n',
};

const slos: SloDefinition[] = [
  {
    name: 'orders-availability',
    indicator: { name: 'orders-availability-sli' },
    window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    alertPolicies: [
      { name: 'orders-availability-fast-burn', conditions: [] },
      {
        name: 'orders-availability-slow-burn',
        conditions: [],
        runbook: 'rollback',
      },
      { name: 'orders-availability-ticket', conditions: [] },
    ],
  },
];

function createApp(options: { visible?: boolean; sloError?: boolean } = {}) {
  const catalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(async () =>
      options.visible === false ? undefined : ordersApi,
    ),
  });
  const service = new RunbookService({
    collector: new RunbookCollector(createFakeUrlReader(files), {
      staleAfterDays: 180,
    }),
    slos: {
      load: async () => {
        if (options.sloError) throw new Error('openslo.yaml: not found');
        return { definitions: slos };
      },
    },
    logger: mockServices.logger.mock(),
    now: () => new Date('2026-11-22T10:00:00Z'),
    staleAfterDays: 180,
  });
  const app = express();
  app.use(
    createRunbooksRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      catalog,
      service,
    }),
  );
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { app, catalog };
}

const auth = { Authorization: mockCredentials.user.header() };
const listPath = '/entities/component/default/orders-api/runbooks';

describe('runbooks router', () => {
  it('rejects requests without credentials', async () => {
    const { app } = createApp();
    expect((await request(app).get(listPath)).status).toBe(401);
    expect((await request(app).get(`${listPath}/rollback`)).status).toBe(401);
  });

  it('lists runbooks with coverage and staleness, loading the entity as the caller', async () => {
    const { app, catalog } = createApp();
    const response = await request(app).get(listPath).set(auth);
    expect(response.status).toBe(200);
    const body = response.body as EntityRunbooksResponse;
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      'component:default/orders-api',
      {
        credentials: mockCredentials.user(),
      },
    );
    expect(
      body.runbooks.map(r => [r.id, r.kind, r.stale, r.error !== null]),
    ).toEqual([
      ['high-error-rate', 'runbook', false, false],
      ['rollback', 'rollback', true, false],
      ['broken', 'runbook', true, true],
      ['database-failover', 'runbook', true, false],
      ['sneaky', 'runbook', true, true],
    ]);
    expect(body.runbooks.find(r => r.id === 'sneaky')?.url).toBeNull();
    expect(body).toMatchObject({
      entityRef: 'component:default/orders-api',
      total: 5,
      query: null,
      staleCount: 4,
      staleAfterDays: 180,
      coverage: { alertCount: 3, alertsWithRunbook: 2, error: null },
    });
    expect(body.coverage.ratio).toBeCloseTo(2 / 3);
  });

  it('searches titles, answers and bodies', async () => {
    const { app } = createApp();
    const ids = async (q: string) =>
      (
        await request(app).get(listPath).query({ q }).set(auth)
      ).body.runbooks.map((r: { id: string }) => r.id);
    expect(await ids('payments dependency')).toEqual(['high-error-rate']);
    expect(await ids('KUBECTL')).toEqual(['rollback']);
    expect(await ids('fast-burn')).toEqual(['high-error-rate']);
    expect(await ids('failover')).toEqual(['database-failover']);
    expect(await ids('nothing-matches-this')).toEqual([]);
  });

  it('reports unreadable SLO definitions as a coverage error, not a failure', async () => {
    const { app } = createApp({ sloError: true });
    const response = await request(app).get(listPath).set(auth);
    expect(response.status).toBe(200);
    expect(response.body.coverage).toMatchObject({
      ratio: null,
      error: expect.stringContaining('openslo.yaml: not found'),
    });
  });

  it('returns one runbook with its Markdown body', async () => {
    const { app } = createApp();
    const response = await request(app).get(`${listPath}/rollback`).set(auth);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'component:default/orders-api',
      runbook: {
        id: 'rollback',
        title: 'Roll back an orders-api release',
        lastReviewed: '2025-01-10',
      },
      markdown: 'Use `kubectl rollout undo deployment/orders-api`.\n',
    });
    const link = await request(app)
      .get(`${listPath}/database-failover`)
      .set(auth);
    expect(link.body.markdown).toBeNull();
  });

  it('rejects bad input with 400', async () => {
    const { app } = createApp();
    expect(
      (
        await request(app)
          .get(`${listPath}?q=${'x'.repeat(201)}`)
          .set(auth)
      ).status,
    ).toBe(400);
    expect(
      (await request(app).get(`${listPath}?q=a&q=b`).set(auth)).status,
    ).toBe(400);
    expect(
      (await request(app).get(`${listPath}/..%2F..%2Fetc`).set(auth)).status,
    ).toBe(400);
    expect((await request(app).get(`${listPath}/UPPER`).set(auth)).status).toBe(
      400,
    );
    expect(
      (
        await request(app)
          .get('/entities/component/default/orders%20api/runbooks')
          .set(auth)
      ).status,
    ).toBe(400);
  });

  it('returns 404 for unknown runbooks and entities the caller cannot see', async () => {
    expect(
      (await request(createApp().app).get(`${listPath}/nope`).set(auth)).status,
    ).toBe(404);
    const hidden = createApp({ visible: false }).app;
    expect((await request(hidden).get(listPath).set(auth)).status).toBe(404);
    expect(
      (await request(hidden).get(`${listPath}/rollback`).set(auth)).status,
    ).toBe(404);
  });
});
