import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  BUILT_IN_POLICY_SET,
  entityRefKey,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { PolicyListener, PolicyServiceStateChange } from './listener';
import { PolicyRefresher } from './PolicyRefresher';
import { PolicyService } from './PolicyService';
import { KnexPolicyStore } from './store/KnexPolicyStore';
import { SERVICE_SLO_NAME } from './store/PolicyStore';
import {
  FakeSloStates,
  sloEntity,
  sloWith,
} from './__testUtils__/policyFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY_MS = 86400_000;

function summary(entityRef: string): SloSummary {
  return {
    entityRef,
    sloCount: 1,
    definitionErrors: 0,
    slosMeetingTarget: 1,
    burnRateAlertsConfigured: true,
    worstBudgetRemaining: 0.5,
    alerting: null,
    alertCount: 1,
    alertsWithRunbook: 1,
    stale: false,
    updatedAt: null,
  };
}

async function setup() {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  let now = new Date('2026-11-22T12:00:00.000Z');
  const store = new KnexPolicyStore({ knex });
  const checkout = sloEntity('checkout-api');
  const search = sloEntity('search-service');
  const uncollected = sloEntity('new-service');
  let current = catalogServiceMock({
    entities: [checkout, search, uncollected],
  });
  // The refresher's catalog, whose content a test can replace.
  const catalog = {
    queryEntities: (...args: Parameters<CatalogService['queryEntities']>) =>
      current.queryEntities(...args),
    getEntitiesByRefs: (
      ...args: Parameters<CatalogService['getEntitiesByRefs']>
    ) => current.getEntitiesByRefs(...args),
  } as unknown as CatalogService;
  const slos = new FakeSloStates()
    .set(checkout, [sloWith('availability', -0.1)])
    .set(search, [sloWith('latency', 0.9)])
    .set(uncollected, [sloWith('availability', 0.01)]);
  const collected = new Set([entityRefKey(checkout), entityRefKey(search)]);
  const told: PolicyServiceStateChange[][] = [];
  const listener: Pick<PolicyListener, 'serviceStatesChanged'> = {
    serviceStatesChanged: async changes => {
      told.push(changes);
    },
  };
  const refresher = new PolicyRefresher({
    catalog,
    auth: mockServices.auth(),
    service: new PolicyService({
      store,
      slos,
      policySet: BUILT_IN_POLICY_SET,
      now: () => now,
    }),
    store,
    sloSummaries: {
      getSummaries: async refs =>
        new Map(refs.filter(r => collected.has(r)).map(r => [r, summary(r)])),
    },
    logger: mockServices.logger.mock(),
    now: () => now,
    retentionDays: 30,
    listener,
  });
  return {
    knex,
    store,
    setCatalog: (entities: Entity[]) => {
      current = catalogServiceMock({ entities });
    },
    slos,
    refresher,
    checkout,
    search,
    told,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('PolicyRefresher', () => {
  it('evaluates every entity with collected SLO data and records changes', async () => {
    const { store, slos, refresher, checkout, advance } = await setup();
    expect(await refresher.run()).toEqual({
      evaluated: 2,
      failed: 0,
      cleared: 0,
      removed: 0,
    });
    const states = await store.getStates([
      'component:default/checkout-api',
      'component:default/search-service',
      'component:default/new-service',
    ]);
    expect([...states.keys()].sort()).toEqual([
      'component:default/checkout-api',
      'component:default/search-service',
    ]);
    expect(
      states
        .get('component:default/checkout-api')!
        .find(s => s.sloName === SERVICE_SLO_NAME)!.state,
    ).toBe('frozen');

    // The budget recovers: the next run records the change.
    slos.set(checkout, [sloWith('availability', 0.3)]);
    advance(5 * 60_000);
    await refresher.run();
    const changes = await store.getChanges(['component:default/checkout-api'], {
      limit: 10,
    });
    expect(changes.filter(c => c.sloName === null).map(c => c.toState)).toEqual(
      ['ok', 'frozen'],
    );
  });

  it("tells the listener each run about the services' state changes of the last hour, not first evaluations", async () => {
    const { slos, refresher, checkout, search, advance, told } = await setup();
    await refresher.run();
    expect(told).toEqual([]);

    // checkout-api's budget recovers (frozen -> ok); search-service goes from ok to no data (nothing to tell).
    slos.set(checkout, [sloWith('availability', 0.3)]);
    slos.set(search, [sloWith('latency', null, 'unknown')]);
    advance(5 * 60_000);
    await refresher.run();
    const recovered = {
      entityRef: 'component:default/checkout-api',
      fromState: 'frozen',
      toState: 'ok',
      decision: 'allow',
      changedAt: '2026-11-22T12:05:00.000Z',
      consequence: null,
      currentState: null,
    };
    expect(told).toEqual([[recovered]]);

    // It freezes again: both changes are told (the listener keeps each once), the first one saying it changed since.
    slos.set(checkout, [sloWith('availability', -0.2)]);
    advance(5 * 60_000);
    await refresher.run();
    expect(told[1]).toEqual([
      { ...recovered, currentState: 'frozen' },
      {
        entityRef: 'component:default/checkout-api',
        fromState: 'ok',
        toState: 'frozen',
        decision: 'deny',
        changedAt: '2026-11-22T12:10:00.000Z',
        consequence: 'Freeze feature releases; reliability work only.',
        currentState: null,
      },
    ]);

    // An hour later they are no longer told.
    advance(61 * 60_000);
    await refresher.run();
    expect(told).toHaveLength(2);
  });

  it('clears states of entities without SLOs, deletes entities gone from the catalog, and applies retention', async () => {
    const { store, setCatalog, refresher, checkout, search, advance } =
      await setup();
    await refresher.run();
    await store.recordGateAnswer(
      {
        entityRef: entityRefKey(checkout),
        decision: 'deny',
        policyDecision: 'deny',
        overridden: false,
        state: 'frozen',
        askedBy: 'external:ci',
        context: null,
        askedAt: new Date('2026-11-22T12:00:00.000Z').toISOString(),
      },
      10,
    );
    // search-service drops its SLO annotation; checkout-api leaves the catalog.
    setCatalog([
      { ...search, metadata: { ...search.metadata, annotations: {} } },
    ]);
    const result = await refresher.run();
    // Both lose their current states; only checkout-api's history, answers and overrides go at once.
    expect(result).toMatchObject({ cleared: 2, removed: 1 });
    expect(await store.listEntityRefs()).toEqual([
      'component:default/search-service',
    ]);
    expect(
      (await store.getStates(['component:default/search-service'])).size,
    ).toBe(0);
    expect(
      await store.getChanges(['component:default/search-service'], {
        limit: 10,
      }),
    ).toHaveLength(2);

    // Past the retention period the history goes too.
    advance(31 * DAY_MS);
    await refresher.run();
    expect(await store.listEntityRefs()).toEqual([]);
  });

  it('counts a failing entity and goes on with the others', async () => {
    const { slos, refresher, checkout } = await setup();
    jest.spyOn(slos, 'getEntitySlos').mockImplementation(async entity => {
      if (entityRefKey(entity) === entityRefKey(checkout)) {
        throw new Error('store down');
      }
      return {
        entityRef: entityRefKey(entity),
        definitionErrors: [],
        slos: [],
      };
    });
    expect(await refresher.run()).toMatchObject({ evaluated: 1, failed: 1 });
  });

  it('stops without cleaning up when aborted', async () => {
    const { store, refresher } = await setup();
    await refresher.run();
    const controller = new AbortController();
    controller.abort();
    expect(await refresher.run(controller.signal)).toEqual({
      evaluated: 0,
      failed: 0,
      cleared: 0,
      removed: 0,
    });
    expect((await store.listEntitiesWithStates()).length).toBe(2);
  });
});
