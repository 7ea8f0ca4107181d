/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to prove they are neutralised */
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  EntityRunbooksResponse,
  ReliabilitySearchDocumentsResponse,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { createRunbooksRouter } from './router';
import { RunbookService } from './RunbookService';
import { RunbookCollector } from './sources/RunbookCollector';
import { createFakeUrlReader } from './__testUtils__/fakeUrlReader';

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
    collector: new RunbookCollector({
      urlReader: createFakeUrlReader(files),
      staleAfterDays: 180,
    }),
    sloDefinitions: {
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

describe('search documents route', () => {
  const payments: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      namespace: 'default',
      title: 'Payments',
      annotations: { [ANNOTATIONS.sloInline]: 'inline' },
    },
    spec: { owner: 'group:default/team-payments', lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-payments' }],
  };
  const unrelated: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'website', namespace: 'default' },
    spec: { owner: 'group:default/web' },
  };
  const searchPath = '/search/documents';

  function createSearchApp(catalog: ReturnType<typeof catalogServiceMock>) {
    const service = new RunbookService({
      collector: new RunbookCollector({
        urlReader: createFakeUrlReader(files),
        staleAfterDays: 180,
      }),
      sloDefinitions: {
        load: async entity => ({
          definitions: entity.metadata.name === 'payments' ? slos : [],
        }),
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
    return app;
  }

  it('rejects requests without credentials', async () => {
    const app = createSearchApp(
      catalogServiceMock({ entities: [ordersApi, payments] }),
    );
    expect((await request(app).get(searchPath)).status).toBe(401);
  });

  it('returns the runbooks and SLOs of entities with reliability sources, with their tab locations', async () => {
    const app = createSearchApp(
      catalogServiceMock({ entities: [ordersApi, payments, unrelated] }),
    );
    const response = await request(app)
      .get(searchPath)
      .set({ Authorization: mockCredentials.service.header() });
    expect(response.status).toBe(200);
    const body = response.body as ReliabilitySearchDocumentsResponse;
    expect(body.nextCursor).toBeNull();
    expect(
      body.documents.map(d => [d.kind, d.title, d.location, d.entityRef]),
      // `broken` (invalid front matter) and `sneaky` (unsafe link) cannot be read: nothing to find in them
    ).toEqual([
      [
        'runbook',
        'Orders API error rate',
        '/catalog/default/component/orders-api/runbooks?runbook=high-error-rate',
        'component:default/orders-api',
      ],
      [
        'rollback',
        'Roll back an orders-api release',
        '/catalog/default/component/orders-api/runbooks?runbook=rollback',
        'component:default/orders-api',
      ],
      [
        'runbook',
        'Database failover',
        '/catalog/default/component/orders-api/runbooks?runbook=database-failover',
        'component:default/orders-api',
      ],
      [
        'slo',
        'orders-availability',
        '/catalog/default/component/payments/slos?slo=orders-availability',
        'component:default/payments',
      ],
    ]);
    const rollback = body.documents[1];
    expect(rollback.text).toContain('Rollback procedure of orders-api.');
    expect(rollback.text).toContain(
      'Use kubectl rollout undo deployment/orders-api.',
    );
    expect(rollback.owner).toBe('group:default/team-orders');
    expect(body.documents[3]).toMatchObject({
      entityTitle: 'Payments',
      owner: 'group:default/team-payments',
      lifecycle: 'production',
      text: expect.stringContaining('Objectives: 99.9% over 28d.'),
    });
  });

  it('pages through the catalog with its cursor', async () => {
    const app = createSearchApp(
      catalogServiceMock({ entities: [ordersApi, payments, unrelated] }),
    );
    const first = await request(app)
      .get(searchPath)
      .query({ limit: 1 })
      .set(auth);
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(app)
      .get(searchPath)
      .query({ limit: 1, cursor: first.body.nextCursor })
      .set(auth);
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeNull();
    const refs = [...first.body.documents, ...second.body.documents].map(
      (d: { entityRef: string }) => d.entityRef,
    );
    expect(new Set(refs)).toEqual(
      new Set(['component:default/orders-api', 'component:default/payments']),
    );
  });

  it('reads the catalog with the caller’s credentials, so users only find what they may see', async () => {
    const catalog = catalogServiceMock.mock({
      // Stands in for a permission policy letting users read `payments` only.
      queryEntities: jest.fn(async (_req, options) => {
        const { credentials } = options as {
          credentials: { principal: { type: string } };
        };
        return {
          items:
            credentials.principal.type === 'user'
              ? [payments]
              : [ordersApi, payments],
          pageInfo: {},
          totalItems: 0,
        };
      }),
    });
    const app = createSearchApp(catalog);

    const asUser = await request(app).get(searchPath).set(auth);
    expect(asUser.status).toBe(200);
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 50 }),
      { credentials: mockCredentials.user() },
    );
    expect(
      new Set(
        asUser.body.documents.map((d: { entityRef: string }) => d.entityRef),
      ),
    ).toEqual(new Set(['component:default/payments']));

    const asService = await request(app)
      .get(searchPath)
      .set({ Authorization: mockCredentials.service.header() });
    expect(catalog.queryEntities).toHaveBeenLastCalledWith(expect.anything(), {
      credentials: mockCredentials.service(),
    });
    expect(
      new Set(
        asService.body.documents.map((d: { entityRef: string }) => d.entityRef),
      ),
    ).toEqual(
      new Set(['component:default/orders-api', 'component:default/payments']),
    );
  });

  it('rejects bad paging input with 400', async () => {
    const app = createSearchApp(
      catalogServiceMock({ entities: [ordersApi, payments] }),
    );
    for (const query of [
      { limit: 0 },
      { limit: 201 },
      { limit: 'many' },
      { cursor: 'not-a-catalog-cursor' },
      { cursor: 'x'.repeat(4097) },
      { other: 'x' },
    ]) {
      const response = await request(app)
        .get(searchPath)
        .query(query)
        .set(auth);
      expect([JSON.stringify(query), response.status]).toEqual([
        JSON.stringify(query),
        400,
      ]);
    }
  });
});
