import { SloStatus } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { KnexSloStore } from './KnexSloStore';
import {
  BIND_PARAMETER_BUDGET,
  rowsPerStatement,
} from '../../shared/bindParameters';
import { EntitySloCollection } from './SloStore';
import { storedFacts, storedStatus } from '../__testUtils__/sloStatus';
import {
  migratedDatabase,
  sloTestDatabases,
} from '../__testUtils__/testDatabase';

jest.setTimeout(120_000);

const at = new Date('2026-11-30T12:00:00Z');
const facts = storedFacts;

function status(when: string, overrides: Partial<SloStatus> = {}): SloStatus {
  return storedStatus(when, {
    windowStart: '2026-11-01T00:00:00.000Z',
    lastWindow: null,
    ...overrides,
  });
}

function collection(
  entityRef: string,
  sloNames: string[],
  statuses: Array<[string, SloStatus]>,
  definitionErrors = 0,
): EntitySloCollection {
  return {
    entityRef,
    facts: { sloNames, definitionErrors },
    statuses: statuses.map(([sloName, s]) => ({
      sloName,
      status: s,
      facts,
    })),
  };
}

/** The same collections, one entity and one SLO at a time (the reference behaviour). */
async function recordOneByOne(
  store: KnexSloStore,
  collections: EntitySloCollection[],
  when: Date,
) {
  for (const c of collections) {
    await store.recordEntityFacts(c.entityRef, c.facts, when);
    for (const s of c.statuses) {
      await store.recordStatus(c.entityRef, s.sloName, s.status, s.facts);
    }
  }
}

/** Every row of the SLO tables, in a stable order (snapshot ids left out). */
async function tableRows(knex: Knex) {
  return {
    entities: await knex('slo_entities').orderBy('entity_ref'),
    latest: await knex('slo_latest').orderBy(['entity_ref', 'slo_name']),
    snapshots: (await knex('slo_snapshots').orderBy('id')).map(
      ({ id, ...row }) => row,
    ),
  };
}

const earlier = '2026-11-30T11:55:00.000Z';
const now = '2026-11-30T12:00:00.000Z';

/** Stored before the batch: states the batch replaces, keeps and drops. */
const seed = [
  collection(
    'component:default/a',
    ['avail', 'latency', 'old'],
    [
      ['avail', status(earlier)],
      ['latency', status(earlier)],
      ['old', status(earlier)],
    ],
  ),
  collection('component:default/b', ['avail'], [['avail', status(earlier)]]),
  collection(
    'component:default/d',
    ['y', 'z'],
    [
      ['y', status(earlier)],
      ['z', status(earlier, { budgetRemaining: 0.1 })],
    ],
  ),
];

const batch = [
  // One SLO removed from the definitions, two collected again.
  collection(
    'component:default/a',
    ['avail', 'latency'],
    [
      ['avail', status(now, { budgetRemaining: 0.4 })],
      ['latency', status(now, { alertState: 'page', attainment: 0.9 })],
    ],
  ),
  // Every SLO removed; only definition problems left.
  collection('component:default/b', [], [], 2),
  // A new entity whose collection failed (stale gap in history).
  collection(
    'component:default/c',
    ['x'],
    [['x', status(now, { stale: true, error: 'down', collectedAt: earlier })]],
  ),
  // Only one of two SLOs collected: the other keeps its stored state.
  collection('component:default/d', ['y', 'z'], [['y', status(now)]]),
  // Listed twice: the second definitions drop a state the first collected.
  collection(
    'component:default/e',
    ['p', 'q'],
    [
      ['p', status(now)],
      ['q', status(now)],
    ],
  ),
  collection('component:default/e', ['q'], [], 1),
];

describe('KnexSloStore.recordCollections', () => {
  it.each(sloTestDatabases.eachSupportedId())(
    'writes the same rows as the per-entity methods (%p)',
    async id => {
      const oneByOneDb = await migratedDatabase(id);
      const batchedDb = await migratedDatabase(id);
      const oneByOne = new KnexSloStore({ knex: oneByOneDb });
      const batched = new KnexSloStore({ knex: batchedDb });
      const seededAt = new Date('2026-11-30T11:55:00Z');
      await recordOneByOne(oneByOne, seed, seededAt);
      await recordOneByOne(batched, seed, seededAt);

      await recordOneByOne(oneByOne, batch, at);
      await batched.recordCollections(batch, at);

      const expected = await tableRows(oneByOneDb);
      // The comparison is not vacuous: each kind of change is in the reference rows.
      expect(expected.latest.map(r => `${r.entity_ref} ${r.slo_name}`)).toEqual(
        [
          'component:default/a avail',
          'component:default/a latency',
          'component:default/c x',
          'component:default/d y',
          'component:default/d z',
          'component:default/e q',
        ],
      );
      expect(expected.snapshots).toHaveLength(12);
      expect(await tableRows(batchedDb)).toEqual(expected);

      const latest = await batched.getLatestOf([
        'component:default/a',
        'component:default/b',
        'component:default/d',
        'component:default/none',
      ]);
      expect([...latest.keys()].sort()).toEqual([
        'component:default/a',
        'component:default/d',
      ]);
      expect(latest.get('component:default/a')?.get('latency')).toEqual(
        status(now, { alertState: 'page', attainment: 0.9 }),
      );
      expect(latest.get('component:default/d')?.get('z')?.budgetRemaining).toBe(
        0.1,
      );
      expect(latest).toEqual(
        new Map(
          await Promise.all(
            [...latest.keys()].map(
              async ref => [ref, await batched.getLatest(ref)] as const,
            ),
          ),
        ),
      );
      await batched.recordCollections([], at);
      expect(await tableRows(batchedDb)).toEqual(expected);
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'needs a number of queries that grows only with the chunks (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const store = new KnexSloStore({ knex });
      let queries = 0;
      knex.on('query', () => {
        queries += 1;
      });
      const countQueries = async (
        entities: number,
        sloNames: (i: number) => string[],
      ) => {
        const collections = Array.from({ length: entities }, (_, i) =>
          collection(
            `component:default/service-${i}`,
            sloNames(i),
            sloNames(i).map(name => [name, status(now)]),
          ),
        );
        queries = 0;
        await store.recordCollections(collections, at);
        return queries;
      };
      /** Statements of one call for n entities with two SLOs each, none removed. */
      const statements = (n: number) =>
        Math.ceil(n / rowsPerStatement(4)) + // slo_entities upserts
        Math.ceil(n / BIND_PARAMETER_BUDGET) + // reads of the stored SLO names
        Math.ceil((2 * n) / rowsPerStatement(13)) + // slo_snapshots inserts
        Math.ceil((2 * n) / rowsPerStatement(15)); // slo_latest upserts
      const two = () => ['avail', 'latency'];

      const ten = await countQueries(10, two);
      const hundred = await countQueries(100, two);
      const thousand = await countQueries(1000, two);
      // Begin and commit of the transaction, at most.
      expect(ten - statements(10)).toBeGreaterThanOrEqual(0);
      expect(ten - statements(10)).toBeLessThanOrEqual(2);
      expect(hundred - statements(100)).toBe(ten - statements(10));
      expect(thousand - statements(1000)).toBe(ten - statements(10));
      expect(hundred).toBeLessThan(15);
      expect(thousand).toBeLessThan(100);

      // Dropping an SLO of every entity adds only chunked deletes.
      const dropped = await countQueries(1000, () => ['avail']);
      expect(dropped).toBeLessThanOrEqual(
        thousand + Math.ceil(1000 / rowsPerStatement(2)),
      );
      const latest = await store.getLatestOf(['component:default/service-999']);
      expect([
        ...(latest.get('component:default/service-999')?.keys() ?? []),
      ]).toEqual(['avail']);
    },
  );
});
