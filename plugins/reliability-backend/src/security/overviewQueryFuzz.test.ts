import {
  API_BASE,
  ReliabilityTestBackend,
  startReliabilityBackend,
} from './__testUtils__/testBackend';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { sampleEntities } from './__testUtils__/catalogFixtures';
import { errorMessage } from './__testUtils__/sendRequest';
import { validWriteBody } from './__testUtils__/validWriteBodies';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const CAMPAIGN = 'tier-1-intermediate';

/** Malformed values of the overview's campaign filter, as raw query strings (qs parses brackets into objects). */
const MALFORMED_QUERIES = [
  'campaign=Upper-Case',
  'campaign=-leading-dash',
  'campaign=with%20space',
  'campaign=%00',
  'campaign=%E2%80%AEevil',
  `campaign=${'a'.repeat(65)}`,
  `campaign=${'a'.repeat(10_000)}`,
  'campaign[]=a',
  'campaign[a]=b',
  'campaign[__proto__]=x',
  'campaign=a&campaign=b',
  'campaign=no-such-campaign',
  'campaign=..%2F..%2Fetc',
  `campaign=${CAMPAIGN}&campaignOpen=1`,
  `campaign=${CAMPAIGN}&campaignOpen=TRUE`,
  `campaign=${CAMPAIGN}&campaignOpen[]=true`,
  `campaign=${CAMPAIGN}&campaignOpen[__proto__]=true`,
  'campaignOpen=true',
  `campaign=${CAMPAIGN}&level=none`,
  `campaign=${CAMPAIGN}&policy=frozen`,
  `campaign=${CAMPAIGN}&campaignopen=true`,
  'constructor[prototype][campaign]=x',
];

/** Prototype keys the query parser drops: an unfiltered overview, and nothing polluted. */
const DROPPED_QUERIES = [
  '__proto__[campaign]=x',
  '__proto__[campaignOpen]=true',
];

describe('overview campaign filter under malformed queries', () => {
  let app: ReliabilityTestBackend;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    app = await startReliabilityBackend([
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory(),
      mockServices.rootConfig.factory({ data: {} }),
      catalogServiceMock.factory({ entities: sampleEntities() }),
    ]);
    const created = await request(app.server)
      .put(`${API_BASE}/campaigns/${CAMPAIGN}`)
      .set('Authorization', mockCredentials.user.header())
      .send(validWriteBody('PUT /campaigns/:id', new Date()).body);
    if (created.status !== 201) {
      throw new Error(`Creating the campaign failed: ${created.status}`);
    }
  }, 60_000);

  afterAll(async () => {
    await app?.backend.stop();
  });

  it('filters by a known campaign', async () => {
    for (const query of [
      `campaign=${CAMPAIGN}`,
      `campaign=${CAMPAIGN}&campaignOpen=true`,
      `campaign=${CAMPAIGN}&campaignOpen=false&team=checkout-payments`,
    ]) {
      const res = await request(app.server)
        .get(`${API_BASE}/overview?${query}`)
        .set('Authorization', mockCredentials.user.header());
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      expect(Array.isArray(res.body.items)).toBe(true);
    }
  });

  it('answers every malformed campaign query with a 400 JSON error and pollutes nothing', async () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype);
    const failures: string[] = [];
    for (const path of ['/overview', '/overview.csv']) {
      for (const query of MALFORMED_QUERIES) {
        const res = await request(app.server)
          .get(`${API_BASE}${path}?${query}`)
          .set('Authorization', mockCredentials.user.header());
        if (res.status !== 400 || !errorMessage(res)) {
          failures.push(
            `${path}?${query.slice(0, 80)}: ${res.status} ${String(
              res.text,
            ).slice(0, 200)}`,
          );
        }
      }
    }
    for (const query of DROPPED_QUERIES) {
      const res = await request(app.server)
        .get(`${API_BASE}/overview?${query}`)
        .set('Authorization', mockCredentials.user.header());
      if (res.status !== 200) {
        failures.push(`/overview?${query}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(
      prototypeBefore,
    );
    expect(({} as Record<string, unknown>).campaign).toBeUndefined();
    expect(({} as Record<string, unknown>).campaignOpen).toBeUndefined();
  }, 60_000);
});
