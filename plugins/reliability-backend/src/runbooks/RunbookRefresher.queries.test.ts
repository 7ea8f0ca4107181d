import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { migrateDatabase } from '../database/migrateDatabase';
import { RunbookRefresher } from './RunbookRefresher';
import { KnexRunbookStore } from './store/KnexRunbookStore';
import { stubRunbookService } from './__testUtils__/stubRunbookService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const services: Entity[] = Array.from({ length: 200 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `service-${i}`,
    namespace: 'default',
    annotations: { [ANNOTATIONS.runbooks]: 'runbooks/' },
  },
  spec: {},
}));

/** The queries one run sends to the database, indexing `entities` (one page), each with one runbook. */
async function queriesToIndex(knex: Knex, entities: Entity[]) {
  const refresher = new RunbookRefresher({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    service: stubRunbookService(entity => [
      {
        id: 'high-error-rate',
        title: `High error rate of ${entity.metadata.name}`,
        kind: 'runbook',
        answers: [],
        owner: null,
        lastReviewed: '2026-11-01',
        stale: false,
        url: null,
        source: 'markdown',
        location: 'runbooks/high-error-rate.md',
        error: null,
      },
    ]),
    store: new KnexRunbookStore({ knex }),
    logger: mockServices.logger.mock(),
    now: () => new Date('2026-11-30T12:00:00Z'),
  });
  let queries = 0;
  const count = () => {
    queries += 1;
  };
  knex.on('query', count);
  try {
    expect(await refresher.run()).toEqual({
      indexed: entities.length,
      failed: 0,
      removed: 0,
    });
  } finally {
    knex.off('query', count);
  }
  return queries;
}

describe('RunbookRefresher', () => {
  it.each(databases.eachSupportedId())(
    'writes a page of entities in a few queries, not a few per entity, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);

      const twenty = await queriesToIndex(knex, services.slice(0, 20));
      // A full page (PAGE_SIZE): the 20 again, replaced, and 180 new ones.
      const twoHundred = await queriesToIndex(knex, services);

      // Per page: BEGIN, the delete, one insert per 83 runbooks, one upsert per 111 summaries, COMMIT; then the
      // listing of stored entities for the removal (one query per table and 1,000 refs). Writing entity by entity
      // took 5 queries each (101 and 1,001).
      expect(twenty).toBe(7);
      expect(twoHundred).toBe(10);
      const store = new KnexRunbookStore({ knex });
      const refs = services.map(s => `component:default/${s.metadata.name}`);
      const listed = await store.listRunbooksOf(refs);
      expect(listed.size).toBe(200);
      expect(listed.get(refs[199])?.[0].title).toBe(
        'High error rate of service-199',
      );
    },
  );
});
