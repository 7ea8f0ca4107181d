import { TestDatabases } from '@backstage/backend-test-utils';
import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexRunbookStore } from './KnexRunbookStore';
import { IndexedEntityRunbooks } from './RunbookStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexRunbookStore({ knex }) };
}

function runbook(
  id: string,
  overrides: Partial<RunbookEntry> = {},
): RunbookEntry {
  return {
    id,
    title: `Runbook ${id}`,
    kind: 'runbook',
    answers: ['orders-availability'],
    owner: 'group:default/team-orders',
    lastReviewed: '2026-10-01',
    stale: false,
    url: `https://git.example.com/${id}.md`,
    source: 'markdown',
    location: `runbooks/${id}.md`,
    error: null,
    ...overrides,
  };
}

const orders = 'component:default/orders-api';
const payments = 'component:default/payments-api';
const indexedAt = new Date('2026-11-22T10:00:00.000Z');

describe('KnexRunbookStore', () => {
  it.each(databases.eachSupportedId())(
    'replaces an entity, summarises it and lists its runbooks, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceEntity({
        entityRef: orders,
        runbooks: [
          runbook('a'),
          runbook('b', { stale: true, kind: 'rollback', lastReviewed: null }),
        ],
        alertCount: 4,
        alertsWithRunbook: 3,
        coverageError: null,
        indexedAt,
      });
      await store.replaceEntity({
        entityRef: orders,
        runbooks: [
          runbook('b', { stale: true, kind: 'rollback' }),
          runbook('c', {
            stale: true,
            error: 'Invalid front matter',
            answers: [],
          }),
        ],
        alertCount: 4,
        alertsWithRunbook: 2,
        coverageError: null,
        indexedAt,
      });
      await store.replaceEntity({
        entityRef: payments,
        runbooks: [runbook('x')],
        alertCount: 0,
        alertsWithRunbook: 0,
        coverageError: null,
        indexedAt,
      });

      const summaries = await store.getSummaries([
        orders,
        payments,
        'component:default/unknown',
      ]);
      expect(summaries.get(orders)).toEqual({
        entityRef: orders,
        runbookCount: 2,
        staleCount: 2,
        coverage: 0.5,
        updatedAt: '2026-11-22T10:00:00.000Z',
      });
      expect(summaries.get(payments)?.coverage).toBeNull();
      expect(summaries.has('component:default/unknown')).toBe(false);

      const listed = await store.listRunbooks(orders);
      expect(listed.map(r => r.id)).toEqual(['b', 'c']);
      expect(listed[0]).toEqual(
        runbook('b', { stale: true, kind: 'rollback' }),
      );
      expect(listed[1].error).toBe('Invalid front matter');
    },
  );

  it.each(databases.eachSupportedId())(
    'stores null coverage when the SLO definitions could not be read, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceEntity({
        entityRef: orders,
        runbooks: [],
        alertCount: 3,
        alertsWithRunbook: 3,
        coverageError: 'SLO definitions could not be read',
        indexedAt,
      });
      expect((await store.getSummaries([orders])).get(orders)).toMatchObject({
        runbookCount: 0,
        coverage: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'removes entities no longer in the catalog, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      for (const entityRef of [orders, payments]) {
        await store.replaceEntity({
          entityRef,
          runbooks: [runbook('a')],
          alertCount: 1,
          alertsWithRunbook: 1,
          coverageError: null,
          indexedAt,
        });
      }
      expect(await store.removeEntitiesNotIn([orders])).toBe(1);
      expect(await store.removeEntitiesNotIn([orders])).toBe(0);
      expect([
        ...(await store.getSummaries([orders, payments])).keys(),
      ]).toEqual([orders]);
      expect(await store.listRunbooks(payments)).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers summaries for many entities, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const refs = Array.from(
        { length: 1203 },
        (_, i) => `component:default/svc-${i}`,
      );
      await store.replaceEntity({
        entityRef: refs[1100],
        runbooks: [runbook('a')],
        alertCount: 2,
        alertsWithRunbook: 1,
        coverageError: null,
        indexedAt,
      });
      const summaries = await store.getSummaries(refs);
      expect(summaries.size).toBe(1);
      expect(summaries.get(refs[1100])?.coverage).toBe(0.5);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the indexed runbooks of many entities at once, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const refs = Array.from(
        { length: 1203 },
        (_, i) => `component:default/svc-${i}`,
      );
      await store.replaceEntity({
        entityRef: refs[3],
        runbooks: [runbook('b', { kind: 'rollback' }), runbook('a')],
        alertCount: 0,
        alertsWithRunbook: 0,
        coverageError: null,
        indexedAt,
      });
      await store.replaceEntity({
        entityRef: refs[1200],
        runbooks: [runbook('z', { kind: 'premortem' })],
        alertCount: 0,
        alertsWithRunbook: 0,
        coverageError: null,
        indexedAt,
      });
      const listed = await store.listRunbooksOf(refs);
      expect([...listed.keys()].sort()).toEqual([refs[1200], refs[3]].sort());
      expect(listed.get(refs[3])?.map(r => [r.id, r.kind])).toEqual([
        ['a', 'runbook'],
        ['b', 'rollback'],
      ]);
      expect(listed.get(refs[1200])?.[0]).toEqual(
        runbook('z', { kind: 'premortem' }),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through the stale runbooks of every entity, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const entity = (entityRef: string, runbooks: RunbookEntry[]) =>
        store.replaceEntity({
          entityRef,
          runbooks,
          alertCount: 0,
          alertsWithRunbook: 0,
          coverageError: null,
          indexedAt,
        });
      await entity(orders, [
        runbook('a', { stale: true, lastReviewed: '2026-01-02' }),
        runbook('b'),
        runbook('c', { stale: true, lastReviewed: null }),
      ]);
      await entity(payments, [runbook('a', { stale: true })]);
      await entity('component:default/fresh-api', [runbook('a')]);

      const first = await store.listStaleRunbooks({ limit: 2 });
      expect(first.map(s => [s.entityRef, s.runbook.id])).toEqual([
        [orders, 'a'],
        [orders, 'c'],
      ]);
      expect(first[1].runbook).toEqual(
        runbook('c', { stale: true, lastReviewed: null }),
      );
      const last = first[first.length - 1];
      const second = await store.listStaleRunbooks({
        after: { entityRef: last.entityRef, runbookId: last.runbook.id },
        limit: 2,
      });
      expect(second.map(s => [s.entityRef, s.runbook.id])).toEqual([
        [payments, 'a'],
      ]);
    },
  );
});

describe('KnexRunbookStore.replaceEntities', () => {
  const entity = (
    entityRef: string,
    runbooks: RunbookEntry[],
    overrides: Partial<IndexedEntityRunbooks> = {},
  ): IndexedEntityRunbooks => ({
    entityRef,
    runbooks,
    alertCount: 0,
    alertsWithRunbook: 0,
    coverageError: null,
    indexedAt,
    ...overrides,
  });
  const search = 'component:default/search-api';
  const fresh = 'component:default/fresh-api';

  it.each(databases.eachSupportedId())(
    'replaces several entities in one call and keeps the others, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceEntities([
        entity(orders, [runbook('a'), runbook('b')]),
        entity(payments, [runbook('x')], {
          alertCount: 2,
          alertsWithRunbook: 2,
        }),
        entity(fresh, [runbook('y')]),
      ]);
      const later = new Date('2026-11-23T10:00:00.000Z');
      await store.replaceEntities([
        entity(orders, [runbook('b', { title: 'Rollback' }), runbook('c')], {
          indexedAt: later,
        }),
        entity(payments, [], { alertCount: 2, indexedAt: later }),
        // Listed twice: the last state wins, as when written one after the other.
        entity(search, [runbook('old')]),
        entity(search, [runbook('s')], { alertCount: 4, alertsWithRunbook: 1 }),
      ]);
      await store.replaceEntities([]);

      const listed = await store.listRunbooksOf([
        orders,
        payments,
        fresh,
        search,
      ]);
      expect(
        Object.fromEntries(
          [...listed].map(([ref, runbooks]) => [
            ref,
            runbooks.map(r => `${r.id} ${r.title}`),
          ]),
        ),
      ).toEqual({
        [orders]: ['b Rollback', 'c Runbook c'],
        [fresh]: ['y Runbook y'],
        [search]: ['s Runbook s'],
      });
      const summaries = await store.getSummaries([
        orders,
        payments,
        fresh,
        search,
      ]);
      expect(summaries.get(orders)).toEqual({
        entityRef: orders,
        runbookCount: 2,
        staleCount: 0,
        coverage: null,
        updatedAt: later.toISOString(),
      });
      expect(summaries.get(payments)).toMatchObject({
        runbookCount: 0,
        coverage: 0,
      });
      expect(summaries.get(fresh)?.updatedAt).toBe(indexedAt.toISOString());
      expect(summaries.get(search)).toMatchObject({
        runbookCount: 1,
        coverage: 0.25,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'stores cut titles and owners, stale and failed counts and null coverage on SLO errors, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.replaceEntities([
        entity(
          orders,
          [
            runbook('a', { title: 'T'.repeat(300), owner: 'o'.repeat(300) }),
            runbook('b', { stale: true, error: 'Invalid front matter' }),
            runbook('c', { stale: true, owner: null }),
          ],
          {
            alertCount: 3,
            alertsWithRunbook: 2,
            coverageError: 'SLO definitions could not be read',
          },
        ),
      ]);
      const [a] = await store.listRunbooks(orders);
      expect(a.title).toBe('T'.repeat(255));
      expect(a.owner).toBe('o'.repeat(255));
      const latest = await knex('runbooks_latest').where({
        entity_ref: orders,
      });
      expect(latest).toEqual([
        expect.objectContaining({
          runbook_count: 3,
          stale_count: 2,
          error_count: 1,
          alert_count: 3,
          alerts_with_runbook: 2,
          coverage: null,
          error: 'SLO definitions could not be read',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes more entities and runbooks than one statement holds, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const refs = Array.from(
        { length: 600 },
        (_, i) => `component:default/svc-${String(i).padStart(3, '0')}`,
      );
      await store.replaceEntities(
        refs.map(ref => entity(ref, [runbook('a'), runbook('b')])),
      );
      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      expect(await count('runbooks_index')).toBe(1200);
      expect(await count('runbooks_latest')).toBe(600);

      await store.replaceEntities(
        refs.map(ref => entity(ref, [runbook('b')], { alertCount: 1 })),
      );
      expect(await count('runbooks_index')).toBe(600);
      expect(await count('runbooks_latest')).toBe(600);
      const listed = await store.listRunbooksOf(refs);
      expect(listed.get(refs[599])?.map(r => r.id)).toEqual(['b']);
      const summaries = await store.getSummaries(refs);
      expect(summaries.get(refs[0])).toMatchObject({
        runbookCount: 1,
        coverage: 0,
      });
    },
  );
});
