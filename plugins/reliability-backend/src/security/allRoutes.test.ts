import {
  ReliabilityTestBackend,
  startReliabilityBackend,
} from './__testUtils__/testBackend';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { RouteInfo, samplePath } from './listRoutes';

const PUBLIC_ROUTES = new Set(['GET /health']);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location':
        'url:https://example.com/catalog-info.yaml',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/checkout-payments',
    lifecycle: 'production',
  },
};

describe('every reliability backend route', () => {
  let app: ReliabilityTestBackend;
  let server: ReliabilityTestBackend['server'];
  let routes: RouteInfo[];

  beforeAll(async () => {
    app = await startReliabilityBackend([
      catalogServiceMock.factory({ entities: [entity] }),
      mockServices.rootConfig.factory({ data: {} }),
      // A request without an Authorization header carries no credentials (the default mock assumes a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ]);
    server = app.server;
    routes = app.routes;
  });

  afterAll(async () => {
    await app?.backend.stop();
  });

  it('finds the routes of every feature', () => {
    const paths = routes.map(r => r.path).join('\n');
    expect(paths).toContain('/health');
    expect(paths).toMatch(/slos/);
    expect(paths).toMatch(/oncall/);
    expect(paths).toMatch(/runbooks/);
    expect(paths).toMatch(/maturity/);
    expect(paths).toMatch(/overview/);
    expect(paths).toMatch(/deploy-gate/);
    expect(paths).toMatch(/exemptions/);
    expect(paths).toMatch(/campaigns/);
    expect(paths).toMatch(/incidents/);
    expect(paths).toMatch(/postmortems/);
    expect(paths).toContain('/incidents/follow-up');
    expect(paths).toMatch(/alerts/);
    expect(paths).toMatch(/trends/);
    expect(paths).toMatch(/learning/);
    expect(paths).toContain('/background-work');
  });

  it('rejects unauthenticated calls with 401 except the public health route', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const res = await request(server)
        [route.method.toLowerCase() as 'get'](
          `/api/reliability${samplePath(route.path)}`,
        )
        .send({});
      const expected = PUBLIC_ROUTES.has(key) ? 200 : 401;
      if (res.status !== expected) {
        failures.push(`${key}: ${res.status} (expected ${expected})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never answers a signed-in read with a server error', async () => {
    const failures: string[] = [];
    for (const route of routes.filter(r => r.method === 'GET')) {
      const res = await request(server)
        .get(`/api/reliability${samplePath(route.path)}`)
        .set('Authorization', mockCredentials.user.header());
      if (res.status >= 500) {
        failures.push(
          `${route.method} ${route.path}: ${res.status} ${res.text.slice(
            0,
            200,
          )}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
