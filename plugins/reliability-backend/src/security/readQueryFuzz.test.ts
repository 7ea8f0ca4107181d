import {
  ReliabilityTestBackend,
  routeKey,
  startReliabilityBackend,
} from './__testUtils__/testBackend';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { sampleEntities } from './__testUtils__/catalogFixtures';
import { errorMessage } from './__testUtils__/sendRequest';
import { API_BASE } from './__testUtils__/testBackend';

/**
 * Read routes whose query string is validated (zod at the edge), each with a valid query: every malformed
 * variant of it must get a 400 JSON error naming the problem, never a 5xx, and pollute nothing. A read route
 * with a validated query joins by adding its valid query here.
 */
const VALID_QUERIES: Record<string, Record<string, string>> = {
  'GET /trends': {
    scope: 'team',
    ref: 'group:default/checkout-api',
    days: '30',
  },
  'GET /trends/leaderboard': { limit: '5' },
};

/** Malformed variants of a valid query: each parameter empty, repeated, oversized, of a wrong shape, plus unknown keys. */
function malformedQueries(
  valid: Record<string, string>,
): Array<[string, string]> {
  const variants: Array<[string, string]> = [];
  const encode = (entries: Array<[string, string]>) =>
    entries
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
  const entries = Object.entries(valid);
  for (const [key] of entries) {
    const others = entries.filter(([k]) => k !== key);
    for (const [name, value] of [
      ['empty', ''],
      ['huge', 'x'.repeat(5000)],
      ['negative', '-1'],
      ['fractional', '1.5'],
      ['beyond 2^64', '18446744073709551616'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
      ['prototype', '__proto__'],
    ] as const) {
      variants.push([`${key} ${name}`, encode([...others, [key, value]])]);
    }
    variants.push([
      `${key} repeated`,
      `${encode(entries)}&${encode([[key, valid[key]]])}`,
    ]);
    variants.push([
      `${key} nested`,
      `${encode(others)}&${encodeURIComponent(`${key}[a]`)}=1`,
    ]);
  }
  variants.push(['unknown parameter', `${encode(entries)}&unknown=1`]);
  variants.push([
    'constructor parameter',
    `${encode(entries)}&constructor[prototype][polluted]=1`,
  ]);
  return variants;
}

/** Query keys Express's parser drops (so the query stays valid): they must pollute nothing. */
const DROPPED_PROTOTYPE_KEYS = [
  '__proto__[polluted]=1',
  '__proto__.polluted=1',
];

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'read routes under malformed query strings (%s)',
  databaseId => {
    let app: ReliabilityTestBackend;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      app = await startReliabilityBackend([
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: sampleEntities() }),
      ]);
    }, 60_000);

    afterAll(async () => {
      await app?.backend.stop();
    });

    const get = (path: string, query: string) =>
      request(app.server)
        .get(`${API_BASE}${path}?${query}`)
        .set('Authorization', mockCredentials.user.header());

    it('answers the valid query and rejects every malformed one with a 400 JSON error', async () => {
      const routes = app.routes.filter(r => VALID_QUERIES[routeKey(r)]);
      expect(routes.map(routeKey).sort()).toEqual(
        Object.keys(VALID_QUERIES).sort(),
      );
      const failures: string[] = [];
      for (const route of routes) {
        const valid = VALID_QUERIES[routeKey(route)];
        const ok = await get(route.path, new URLSearchParams(valid).toString());
        if (ok.status !== 200)
          failures.push(`${routeKey(route)} valid: ${ok.status}`);
        for (const [name, query] of malformedQueries(valid)) {
          const res = await get(route.path, query);
          if (res.status !== 400 || !errorMessage(res)) {
            failures.push(
              `${routeKey(route)} [${name}]: ${res.status} ${String(
                res.text,
              ).slice(0, 160)}`,
            );
          }
        }
      }
      for (const route of routes) {
        const valid = new URLSearchParams(VALID_QUERIES[routeKey(route)]);
        for (const key of DROPPED_PROTOTYPE_KEYS) {
          const res = await get(route.path, `${valid}&${key}`);
          if (res.status >= 500) {
            failures.push(`${routeKey(route)} [${key}]: ${res.status}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }, 60_000);
  },
);
