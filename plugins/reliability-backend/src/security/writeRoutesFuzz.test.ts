import {
  ReliabilityTestBackend,
  routeKey,
  startReliabilityBackend,
  WRITE_METHODS,
} from './__testUtils__/testBackend';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import {
  learningPathUrlReader,
  sampleEntities,
} from './__testUtils__/catalogFixtures';
import { snapshotDatabase } from './__testUtils__/databaseSnapshot';
import { seedSampleRows } from './__testUtils__/sampleRows';
import { malformedRequests } from './__testUtils__/malformedPayloads';
import { errorMessage, sendAsUser } from './__testUtils__/sendRequest';
import { validWriteBody } from './__testUtils__/validWriteBodies';

/** Statuses a rejected payload may get: bad request, too large, unsupported type, unprocessable. */
const REJECTIONS = new Set([400, 413, 415, 422]);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'write routes under malformed payloads (%s)',
  databaseId => {
    let knex: Knex;
    let app: ReliabilityTestBackend;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startReliabilityBackend([
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory(),
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: sampleEntities() }),
        learningPathUrlReader().factory,
      ]);
      await seedSampleRows(knex);
      // Some data first, so "unchanged" also covers existing rows being overwritten.
      for (const route of app.routes.filter(r => WRITE_METHODS.has(r.method))) {
        const { body } = validWriteBody(routeKey(route), new Date());
        const res = await sendAsUser(app.server, route, { body });
        if (res.status !== 200 && res.status !== 201) {
          throw new Error(`Seeding ${routeKey(route)} failed: ${res.status}`);
        }
      }
    }, 60_000);

    afterAll(async () => {
      await app?.backend.stop();
    });

    it('answers every malformed payload with a 4xx JSON error, writes nothing and pollutes nothing', async () => {
      const writeRoutes = app.routes.filter(r => WRITE_METHODS.has(r.method));
      expect(writeRoutes.length).toBeGreaterThan(0);
      const before = await snapshotDatabase(knex);
      expect(Object.values(before).some(t => t.rows > 0)).toBe(true);
      const prototypeBefore = Object.getOwnPropertyNames(Object.prototype);

      const failures: string[] = [];
      let sent = 0;
      for (const route of writeRoutes) {
        const key = routeKey(route);
        const valid = validWriteBody(key, new Date());
        const payloads = malformedRequests(valid);
        // The whole-body battery (20) plus at least six cases per top-level field.
        expect(payloads.length).toBeGreaterThanOrEqual(
          20 + 6 * Object.keys(valid.body).length,
        );
        for (const payload of payloads) {
          const res = await sendAsUser(app.server, route, {
            body: payload.body,
            contentType: payload.contentType,
          });
          sent += 1;
          const statusOk = payload.expectedStatus
            ? res.status === payload.expectedStatus
            : REJECTIONS.has(res.status);
          if (!statusOk || !errorMessage(res)) {
            failures.push(
              `${key} [${payload.name}]: ${res.status} ${String(res.text).slice(
                0,
                200,
              )}`,
            );
          }
        }
      }

      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(40 * writeRoutes.length);
      expect(await snapshotDatabase(knex)).toEqual(before);
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(
        prototypeBefore,
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 120_000);
  },
);
