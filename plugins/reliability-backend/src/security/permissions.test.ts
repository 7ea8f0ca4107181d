import {
  ReliabilityTestBackend,
  routeKey,
  startReliabilityBackend,
  WRITE_METHODS,
} from './__testUtils__/testBackend';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import {
  catalogFactory,
  catalogHiddenFromUsers,
  learningPathUrlReader,
  sampleEntities,
} from './__testUtils__/catalogFixtures';
import { snapshotDatabase } from './__testUtils__/databaseSnapshot';
import { seedSampleRows } from './__testUtils__/sampleRows';
import { errorMessage, sendAsUser } from './__testUtils__/sendRequest';
import {
  VALID_WRITE_BODIES,
  validWriteBody,
} from './__testUtils__/validWriteBodies';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function writeRoutesOf(app: ReliabilityTestBackend) {
  return app.routes.filter(r => WRITE_METHODS.has(r.method));
}

describe.each(databases.eachSupportedId())(
  'permissions of every route (%s)',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });

    describe('writes', () => {
      let allowed: ReliabilityTestBackend;
      let denied: ReliabilityTestBackend;

      beforeAll(async () => {
        // Two backends on one database: permission policies that allow everything, and deny everything.
        allowed = await startReliabilityBackend([
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory(),
          catalogServiceMock.factory({ entities: sampleEntities() }),
          learningPathUrlReader().factory,
        ]);
        denied = await startReliabilityBackend([
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
          catalogServiceMock.factory({ entities: sampleEntities() }),
          learningPathUrlReader().factory,
        ]);
        await seedSampleRows(knex);
      }, 60_000);

      afterAll(async () => {
        await allowed?.backend.stop();
        await denied?.backend.stop();
      });

      it('knows a valid body for every write route (add one when adding a route)', () => {
        const writeRoutes = writeRoutesOf(allowed);
        expect(writeRoutes.length).toBeGreaterThan(0);
        const missing = writeRoutes
          .map(routeKey)
          .filter(key => !VALID_WRITE_BODIES[key]);
        expect(missing).toEqual([]);
        expect(Object.keys(VALID_WRITE_BODIES).sort()).toEqual(
          writeRoutes.map(routeKey).sort(),
        );
      });

      it('accepts a valid minimal body on every write route when allowed', async () => {
        const failures: string[] = [];
        for (const route of writeRoutesOf(allowed)) {
          const key = routeKey(route);
          const before = await snapshotDatabase(knex);
          const res = await sendAsUser(allowed.server, route, {
            body: validWriteBody(key, new Date()).body,
          });
          if (res.status < 200 || res.status > 299) {
            failures.push(`${key}: ${res.status} ${res.text.slice(0, 300)}`);
          } else if (
            JSON.stringify(await snapshotDatabase(knex)) ===
            JSON.stringify(before)
          ) {
            failures.push(`${key}: ${res.status} but nothing was stored`);
          }
        }
        expect(failures).toEqual([]);
      });

      it('refuses every write route with 403 and writes nothing when denied', async () => {
        const before = await snapshotDatabase(knex);
        const failures: string[] = [];
        for (const route of writeRoutesOf(denied)) {
          const key = routeKey(route);
          const res = await sendAsUser(denied.server, route, {
            body: validWriteBody(key, new Date()).body,
          });
          if (
            res.status !== 403 ||
            res.body?.error?.name !== 'NotAllowedError' ||
            !errorMessage(res)
          ) {
            failures.push(`${key}: ${res.status} ${res.text.slice(0, 300)}`);
          }
        }
        expect(failures).toEqual([]);
        expect(await snapshotDatabase(knex)).toEqual(before);
      });
    });

    describe('reads of entities the catalog does not show the caller', () => {
      let app: ReliabilityTestBackend;

      beforeAll(async () => {
        app = await startReliabilityBackend([
          mockServices.database.factory({ knex }),
          mockServices.permissions.factory(),
          catalogFactory(catalogHiddenFromUsers(sampleEntities())),
          learningPathUrlReader().factory,
        ]);
      }, 60_000);

      afterAll(async () => {
        await app?.backend.stop();
      });

      it('answers 404 on every entity-scoped GET route', async () => {
        const entityRoutes = app.routes.filter(
          r => r.method === 'GET' && r.path.includes(':name'),
        );
        expect(entityRoutes.length).toBeGreaterThan(0);
        const failures: string[] = [];
        for (const route of entityRoutes) {
          const res = await sendAsUser(app.server, route);
          if (res.status !== 404 || !errorMessage(res)) {
            failures.push(
              `${routeKey(route)}: ${res.status} ${res.text.slice(0, 200)}`,
            );
          }
        }
        expect(failures).toEqual([]);
      });
    });
  },
);
