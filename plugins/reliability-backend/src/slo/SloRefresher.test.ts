import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ProviderBudgetExceededError,
  ProviderBudgetTally,
  ProviderRequestBudget,
} from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../database/migrateDatabase';
import { KnexSliEventStore } from './embedded/KnexSliEventStore';
import { listSloEntities } from './sloEntities';
import { SloRefresher } from './SloRefresher';
import {
  checkoutEntity,
  createTestSloService,
  fakeProvider,
} from './__testUtils__/sloFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY_MS = 86_400_000;

const unrelated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'no-slos', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

async function setup(
  entities: Entity[],
  options: { cycleMs?: number; callTimeoutMs?: number } = {},
) {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  let now = new Date('2026-11-20T12:00:00Z');
  const provider = fakeProvider(() => ({ good: 999, total: 1000 }));
  const serviceLogger = mockServices.logger.mock();
  const { service, store } = createTestSloService({
    db,
    providers: [provider],
    now: () => now,
    logger: serviceLogger,
    callTimeoutMs: options.callTimeoutMs,
  });
  const eventStore = new KnexSliEventStore({ knex: db });
  const auth = mockServices.auth();
  const catalog = catalogServiceMock({ entities });
  const logger = mockServices.logger.mock();
  const collector = new SloRefresher({
    auth,
    catalog,
    logger,
    service,
    store,
    eventStore,
    now: () => now,
    snapshotRetentionDays: 90,
    sliEventsRetentionDays: 400,
    cycleMs: options.cycleMs,
  });
  return {
    collector,
    logger,
    serviceLogger,
    listEntities: () => listSloEntities(catalog, auth),
    service,
    store,
    eventStore,
    provider,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

describe('SloRefresher', () => {
  it('collects only SLO-annotated entities', async () => {
    const { listEntities } = await setup([checkoutEntity(), unrelated]);
    const entities = await listEntities();
    expect(entities.map(e => e.metadata.name)).toEqual(['checkout']);
  });

  it('collects the SLOs of systems and domains like those of components', async () => {
    const declaring = (kind: string, name: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          [ANNOTATIONS.sloInline]:
            checkoutEntity().metadata.annotations![ANNOTATIONS.sloInline],
        },
      },
      spec: { owner: 'team-a' },
    });
    const { collector, service } = await setup([
      declaring('System', 'shop'),
      declaring('Domain', 'commerce'),
      unrelated,
    ]);
    await collector.run();
    const summaries = await service.getSummaries([
      'system:default/shop',
      'domain:default/commerce',
      'component:default/no-slos',
    ]);
    expect([...summaries.keys()].sort()).toEqual([
      'domain:default/commerce',
      'system:default/shop',
    ]);
    expect(summaries.get('system:default/shop')).toMatchObject({
      sloCount: 1,
      worstBudgetRemaining: 0,
      stale: false,
    });
  });

  it('stops when aborted and then applies no retention', async () => {
    const { collector, store } = await setup([checkoutEntity()]);
    await store.recordEntityFacts(
      'component:default/removed',
      { sloNames: [], definitionErrors: 1 },
      new Date(),
    );
    const aborted = new AbortController();
    aborted.abort();
    await collector.run(aborted.signal);
    expect(await store.listEntityRefs()).toEqual(['component:default/removed']);
  });

  it('collects page by page and resumes where a run stopped by its timeout left off', async () => {
    const entities = Array.from({ length: 250 }, (_, i) => {
      const e = checkoutEntity();
      return { ...e, metadata: { ...e.metadata, name: `svc-${i}` } };
    });
    const { collector, service } = await setup(entities);
    const batches: string[][] = [];
    const stop = new AbortController();
    const collect = service.collectEntities.bind(service);
    jest
      .spyOn(service, 'collectEntities')
      .mockImplementation(async (batch, options) => {
        batches.push(batch.map(e => e.metadata.name));
        if (batches.length === 1) stop.abort();
        return collect(batch, options);
      });

    await collector.run(stop.signal);
    expect(batches).toHaveLength(1);
    const first = batches[0];
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(250);

    batches.length = 0;
    await collector.run();
    const order = batches.flat();
    expect(order).toHaveLength(250);
    // The entities the stopped run collected come last; the rest start where it stopped.
    expect(order.slice(250 - first.length)).toEqual(first);
    expect(new Set(order).size).toBe(250);

    batches.length = 0;
    await collector.run();
    expect(batches.flat().slice(0, first.length)).toEqual(first);
  });

  it('keeps the last good data, marked stale with the error, when the provider fails', async () => {
    const { collector, service, provider, advance } = await setup([
      checkoutEntity(),
    ]);
    await collector.run();
    const good = (await service.getEntitySlos(checkoutEntity())).slos[0]
      .status!;
    expect(good).toMatchObject({
      attainment: 0.999,
      stale: false,
      error: null,
    });

    provider.fail = new Error('connection refused');
    advance(5 * 60_000);
    await expect(collector.run()).resolves.toBeUndefined();
    const stale = (await service.getEntitySlos(checkoutEntity())).slos[0]
      .status!;
    expect(stale).toMatchObject({
      attainment: 0.999,
      budgetRemaining: good.budgetRemaining,
      collectedAt: good.collectedAt,
      stale: true,
      error: expect.stringContaining('connection refused'),
    });
    expect(stale.checkedAt).not.toBe(good.checkedAt);

    const summary = (
      await service.getSummaries(['component:default/checkout'])
    ).get('component:default/checkout');
    expect(summary).toMatchObject({ stale: true, worstBudgetRemaining: 0 });

    provider.fail = undefined;
    advance(5 * 60_000);
    await collector.run();
    expect(
      (await service.getEntitySlos(checkoutEntity())).slos[0].status,
    ).toMatchObject({ stale: false, error: null });
  });

  it('keeps the last data of SLOs the vendor budget refuses and says so in one line per run', async () => {
    const db = await databases.init('SQLITE_3');
    await migrateDatabase(db);
    const now = new Date('2026-11-20T12:00:00Z');
    // Set once the first run is done.
    const vendor: { budget?: ProviderRequestBudget } = {};
    let vendorCalls = 0;
    const provider = fakeProvider(() => ({ good: 999, total: 1000 }));
    const answer = provider.getEventCounts.bind(provider);
    provider.getEventCounts = async request => {
      // What the vendor's ProviderHttpClient does: every request waits for its turn in the budget.
      const release = await vendor.budget?.acquire(request.signal);
      vendorCalls += 1;
      release?.();
      return answer(request);
    };
    const serviceLogger = mockServices.logger.mock();
    const logger = mockServices.logger.mock();
    const { service } = createTestSloService({
      db,
      providers: [provider],
      now: () => new Date(now),
      logger: serviceLogger,
    });
    const entities = ['a', 'b', 'c'].map(name => {
      const entity = checkoutEntity();
      entity.metadata.name = name;
      return entity;
    });
    const collector = new SloRefresher({
      auth: mockServices.auth(),
      catalog: catalogServiceMock({ entities }),
      logger,
      service,
      store: createTestSloService({ db, providers: [], now: () => now }).store,
      eventStore: new KnexSliEventStore({ knex: db }),
      now: () => now,
      snapshotRetentionDays: 90,
      sliEventsRetentionDays: 400,
    });
    await collector.run();
    const callsPerService = vendorCalls / 3;
    const first = (await service.getEntitySlos(entities[2])).slos[0].status!;
    expect(first).toMatchObject({ stale: false });

    // One request a minute on a clock that stands still: the first request of the run goes, the rest are refused.
    vendor.budget = new ProviderRequestBudget({
      provider: 'Fake',
      requestsPerMinute: 1,
      maxWaitMs: 0,
      now: () => now.getTime(),
    });
    vendorCalls = 0;
    logger.warn.mockClear();
    serviceLogger.warn.mockClear();
    await collector.run();
    expect(vendorCalls).toBe(1);
    const refreshed = callsPerService === 1 ? 1 : 0;
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `SLO collection: budget of 1 requests/min for Fake reached; ${refreshed} of 3 services refreshed, ` +
        `rest keep their last data, stale since ${first.collectedAt} (${
          3 - refreshed
        } refused by the budget)`,
    );
    expect(serviceLogger.warn).not.toHaveBeenCalled();
    // The run's summary counts the refused services apart from the collected and failed ones.
    expect(logger.info).toHaveBeenCalledWith(
      `SLO collection: 3 entities, ${refreshed} collected, ${
        3 - refreshed
      } refused by a vendor budget, 0 failed`,
    );
    const stale = (await service.getEntitySlos(entities[2])).slos[0].status!;
    expect(stale).toMatchObject({
      stale: true,
      attainment: first.attainment,
      collectedAt: first.collectedAt,
      error: expect.stringContaining('Fake budget of 1 requests/min reached'),
    });
  });

  describe('when a vendor budget refuses SLOs', () => {
    const services = (count: number) =>
      Array.from({ length: count }, (_, i) => {
        const e = checkoutEntity();
        return { ...e, metadata: { ...e.metadata, name: `svc-${i}` } };
      });

    /** A refresher over 250 services whose vendor refuses the SLOs of the services named in `refuse`. */
    async function budgetSetup(options: { cycleMs?: number } = {}) {
      const context = await setup(services(250), options);
      const { provider, service } = context;
      const refuse = new Set<string>();
      const answer = provider.getEventCounts.bind(provider);
      provider.getEventCounts = async request => {
        if (refuse.has(request.entity.metadata.name)) {
          // What a vendor's ProviderHttpClient throws once the run's cycle is over.
          throw new ProviderBudgetExceededError(
            'Fake',
            "Fake budget of 60 requests/min reached: the caller's time for budget turns is over; the request was not sent",
            60,
            'requestsPerMinute',
          );
        }
        return answer(request);
      };
      const batches: string[][] = [];
      const budgets: ProviderBudgetTally[] = [];
      const collect = service.collectEntities.bind(service);
      const spy = jest
        .spyOn(service, 'collectEntities')
        .mockImplementation(async (batch, collectOptions) => {
          batches.push(batch.map(e => e.metadata.name));
          budgets.push(collectOptions!.budget!);
          return collect(batch, collectOptions);
        });
      /** Runs once and returns the order in which the run collected the services. */
      const run = async (signal?: AbortSignal) => {
        batches.length = 0;
        budgets.length = 0;
        context.logger.warn.mockClear();
        context.serviceLogger.warn.mockClear();
        await context.collector.run(signal);
        return batches.flat();
      };
      const statusOf = async (name: string) => {
        const [entity] = services(250).filter(e => e.metadata.name === name);
        return (await service.getEntitySlos(entity)).slos[0].status!;
      };
      return { ...context, refuse, run, statusOf, budgets, spy };
    }

    it('gives the run a budget that waits for turns until the end of its cycle', async () => {
      const { run, budgets } = await budgetSetup({ cycleMs: 120_000 });
      const before = Date.now();
      await run();
      expect(budgets.length).toBeGreaterThan(0);
      expect(new Set(budgets).size).toBe(1);
      expect(budgets[0].waitUntil).toBeGreaterThanOrEqual(before + 120_000);
      expect(budgets[0].waitUntil).toBeLessThanOrEqual(Date.now() + 120_000);

      const unlimited = await budgetSetup();
      await unlimited.run();
      expect(unlimited.budgets[0].waitUntil).toBeUndefined();
    });

    it('waits for budget turns until the end of its cycle, then refuses the calls at once', async () => {
      const sent = async (cycleMs?: number) => {
        const { collector, provider } = await setup(services(3), {
          cycleMs,
          callTimeoutMs: 3_600_000,
        });
        // A turn a minute on the real clock; waiting for it takes no time here.
        const budget = new ProviderRequestBudget({
          provider: 'Fake',
          requestsPerMinute: 1,
          maxWaitMs: 3_600_000,
          sleep: async () => {},
        });
        let calls = 0;
        const answer = provider.getEventCounts.bind(provider);
        provider.getEventCounts = async request => {
          const release = await budget.acquire(request.signal);
          calls += 1;
          release();
          return answer(request);
        };
        await collector.run();
        return calls;
      };
      // 3 services, one SLO each: 6 calls an SLO.
      expect(await sent()).toBe(18);
      // Turns at +0 s, +60 s and +120 s fit in a cycle of 150 s; the rest are refused at once instead of waiting.
      expect(await sent(150_000)).toBe(3);
      expect(await sent(30_000)).toBe(1);
    });

    it('keeps their last data, says so in one line, and starts the next run at the first one refused', async () => {
      const { run, refuse, statusOf, advance, logger, serviceLogger } =
        await budgetSetup({ cycleMs: 300_000 });
      const catalogOrder = await run();
      expect(catalogOrder).toHaveLength(250);
      const first = await statusOf(catalogOrder[120]);
      const rotated = (at: number) => [
        ...catalogOrder.slice(at),
        ...catalogOrder.slice(0, at),
      ];

      // The budget refuses services 120, 130 and 200 (in catalog order) of the next run.
      advance(5 * 60_000);
      [120, 130, 200].forEach(i => refuse.add(catalogOrder[i]));
      expect(await run()).toEqual(catalogOrder);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        `SLO collection: budget of 60 requests/min for Fake reached; 247 of 250 services refreshed, ` +
          `rest keep their last data, stale since ${first.collectedAt} (3 refused by the budget)`,
      );
      expect(serviceLogger.warn).not.toHaveBeenCalled();
      expect(await statusOf(catalogOrder[120])).toMatchObject({
        stale: true,
        attainment: first.attainment,
        collectedAt: first.collectedAt,
        error: expect.stringContaining('Fake budget of 60 requests/min'),
      });
      expect(await statusOf(catalogOrder[119])).toMatchObject({
        stale: false,
        collectedAt: new Date(
          Date.parse(first.collectedAt) + 5 * 60_000,
        ).toISOString(),
      });

      // The next run starts at the first service refused; this time the budget refuses service 10, which comes
      // after the end of the catalog in this run.
      refuse.clear();
      refuse.add(catalogOrder[10]);
      advance(5 * 60_000);
      expect(await run()).toEqual(rotated(120));
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(await statusOf(catalogOrder[120])).toMatchObject({ stale: false });

      refuse.clear();
      expect(await run()).toEqual(rotated(10));
      expect(logger.warn).not.toHaveBeenCalled();
      // Everything refreshed: the run after starts at the beginning again.
      expect(await run()).toEqual(catalogOrder);
    });

    it('starts the next run at the first service refused also when the timeout stopped the run later', async () => {
      const { run, refuse, spy, logger } = await budgetSetup({
        cycleMs: 300_000,
      });
      const catalogOrder = await run();
      refuse.add(catalogOrder[30]);
      const stop = new AbortController();
      const collect = spy.getMockImplementation()!;
      spy.mockImplementation(async (batch, options) => {
        const result = await collect(batch, options);
        if (batch.some(e => e.metadata.name === catalogOrder[150])) {
          stop.abort();
        }
        return result;
      });
      const stopped = await run(stop.signal);
      expect(stopped).toEqual(catalogOrder.slice(0, 200));
      expect(logger.warn).toHaveBeenCalledWith(
        'SLO refresh stopped by its timeout after 200 entities; the next run continues at the first entity the budget refused; retention skipped',
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^SLO collection: budget of 60 requests\/min for Fake reached; 199 of 200 services refreshed/,
        ),
      );

      refuse.clear();
      expect(await run()).toEqual([
        ...catalogOrder.slice(30),
        ...catalogOrder.slice(0, 30),
      ]);
    });
  });

  it('treats a provider slower than the deadline as a failure', async () => {
    const { collector, service, provider } = await setup([checkoutEntity()]);
    provider.getEventCounts = () => new Promise(() => {});
    await collector.run();
    expect(
      (await service.getEntitySlos(checkoutEntity())).slos[0].status,
    ).toMatchObject({
      stale: true,
      error: expect.stringContaining('timed out'),
    });
  });

  it('deletes old snapshots and data of entities no longer in the catalog', async () => {
    const { collector, store, eventStore, advance } = await setup([
      checkoutEntity(),
    ]);
    await collector.run();
    await eventStore.writeEvents('component:default/removed', 'sli', [
      {
        start: new Date('2026-11-20T00:00:00Z'),
        end: new Date('2026-11-20T01:00:00Z'),
        good: 1,
        total: 1,
      },
    ]);
    await store.recordEntityFacts(
      'component:default/removed',
      { sloNames: [], definitionErrors: 1 },
      new Date(),
    );
    advance(91 * DAY_MS);
    await collector.run();
    const history = await store.getHistory(
      'component:default/checkout',
      'checkout-availability',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-12-31T00:00:00Z'),
      100,
    );
    expect(history.points).toHaveLength(1);
    expect(await store.listEntityRefs()).toEqual([
      'component:default/checkout',
    ]);
    expect(
      await eventStore.getExtent('component:default/removed', 'sli'),
    ).toBeUndefined();
  });

  it('keeps SLI events beyond the snapshot retention, for windows up to a year', async () => {
    const { collector, eventStore, advance } = await setup([checkoutEntity()]);
    const ref = 'component:default/checkout';
    const interval = (iso: string) => ({
      start: new Date(iso),
      end: new Date(new Date(iso).getTime() + 3600_000),
      good: 1,
      total: 1,
    });
    advance(91 * DAY_MS); // now 2027-02-19: snapshot cutoff 2026-11-21, SLI events cutoff (400 days) 2026-01-15
    await eventStore.writeEvents(ref, 'sli', [
      interval('2025-12-01T00:00:00Z'),
      interval('2026-03-01T00:00:00Z'),
    ]);
    await collector.run();
    expect(await eventStore.getExtent(ref, 'sli')).toMatchObject({
      firstStart: new Date('2026-03-01T00:00:00Z'),
    });
  });
});
