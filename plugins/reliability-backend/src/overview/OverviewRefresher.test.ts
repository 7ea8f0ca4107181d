import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { migrateDatabase } from '../database/migrateDatabase';
import { OverviewRefresher } from './OverviewRefresher';
import { OverviewService } from './OverviewService';
import { KnexOverviewStore } from './store/KnexOverviewStore';
import { KnexServicesIndexStore } from './store/KnexServicesIndexStore';
import {
  component,
  fakeSource,
  maturitySummary,
  onCallSummary,
  sloSummary,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const TEN_MINUTES = 10 * 60_000;

const ref = (i: number) =>
  `component:default/svc-${String(i).padStart(4, '0')}`;

/** 2,500 services: teams 0-2 (every tenth service has no owner), systems 0-3; SLOs, on-call and maturity varied. */
function catalogEntities(count = 2500) {
  return Array.from({ length: count }, (_, i) =>
    component(`svc-${String(i).padStart(4, '0')}`, {
      owner: i % 10 === 9 ? undefined : `team-${i % 3}`,
      system: `sys-${i % 4}`,
    }),
  );
}

async function setup(entities = catalogEntities()) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const store = new KnexOverviewStore({ knex });
  const catalog = catalogServiceMock({ entities });
  const queryEntities = jest.spyOn(catalog, 'queryEntities');
  const slos: Record<string, ReturnType<typeof sloSummary>> = {};
  const oncall: Record<string, ReturnType<typeof onCallSummary>> = {};
  const maturity: Record<string, ReturnType<typeof maturitySummary>> = {};
  for (let i = 0; i < 2500; i++) {
    if (i % 2 === 0) {
      slos[ref(i)] = sloSummary(ref(i), {
        slosMeetingTarget: i % 4 === 0 ? 1 : 0,
        worstBudgetRemaining: i === 1234 ? -3 : 0.5,
        alerting: i % 100 === 0 ? 'page' : null,
      });
    }
    if (i % 5 === 0) oncall[ref(i)] = onCallSummary(ref(i), 'Ada');
    if (i % 3 !== 2) maturity[ref(i)] = maturitySummary(ref(i), 'gold', i % 7);
  }
  // sys-3's own user-journey SLO has spent more than any of its services'.
  slos['system:default/sys-3'] = sloSummary('system:default/sys-3', {
    worstBudgetRemaining: -9,
  });
  const sources = {
    slo: fakeSource(slos),
    oncall: fakeSource(oncall),
    maturity: fakeSource(maturity),
  };
  const service = new OverviewService({
    catalog,
    sources,
    store,
    now: () => new Date('2026-11-30T18:00:00Z'),
  });
  const refresher = new OverviewRefresher({
    service,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    refreshIntervalMs: TEN_MINUTES,
  });
  return { knex, store, service, refresher, queryEntities, sources };
}

describe('OverviewRefresher', () => {
  it('walks the whole catalog once with the plugin’s own credentials and stores the team and system roll-ups', async () => {
    const { store, service, refresher, queryEntities, sources } = await setup();
    expect(await refresher.run()).toEqual({
      serviceCount: 2500,
      teams: 4,
      systems: 4,
    });
    // Pages of 100 and one summaries call per area and page (plus one for the systems' own SLOs).
    expect(queryEntities).toHaveBeenCalledTimes(25);
    for (const [, options] of queryEntities.mock.calls) {
      expect(options).toMatchObject({
        credentials: { principal: { type: 'service' } },
      });
    }
    expect(sources.maturity.getSummaries).toHaveBeenCalledTimes(25);
    expect(sources.slo.getSummaries).toHaveBeenCalledTimes(26);

    const teams = await store.getRollUp('team');
    expect(teams?.computedAt.toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(teams?.groups.map(g => [g.entityRef, g.serviceCount])).toEqual([
      ['group:default/team-0', 750],
      ['group:default/team-1', 750],
      ['group:default/team-2', 750],
      [null, 250],
    ]);
    const systems = await store.getRollUp('system');
    const sys3 = systems?.groups.find(
      g => g.entityRef === 'system:default/sys-3',
    );
    // sys-3 holds the odd services 3, 7, 11, ...: no SLOs, so only its own SLO counts for the budget.
    expect(sys3).toMatchObject({
      serviceCount: 625,
      withSlos: 0,
      meetingSlos: null,
      worstBudgetRemaining: -9,
    });
    const sys2 = systems?.groups.find(
      g => g.entityRef === 'system:default/sys-2',
    );
    expect(sys2).toMatchObject({
      serviceCount: 625,
      withSlos: 1,
      meetingSlos: 0,
      onCallCoverage: 125 / 625,
      worstBudgetRemaining: -3,
    });

    // The same numbers as the roll-ups computed on request.
    for (const by of ['team', 'system'] as const) {
      const computed = await service.computeGroupSummaries(
        by,
        mockCredentials.user(),
      );
      expect((await store.getRollUp(by))?.groups).toEqual(computed.groups);
    }
  });

  it('replaces the previous pass: a group gone from the catalog is deleted', async () => {
    const { store, refresher, sources } = await setup();
    await refresher.run();
    // Every service of team-2 moves to team-0.
    const moved = catalogEntities().map(entity =>
      entity.spec?.owner === 'team-2'
        ? { ...entity, spec: { ...entity.spec, owner: 'team-0' } }
        : entity,
    );
    const next = new OverviewRefresher({
      service: new OverviewService({
        catalog: catalogServiceMock({ entities: moved }),
        sources,
        store,
        now: () => new Date('2026-11-30T18:10:00Z'),
      }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      refreshIntervalMs: TEN_MINUTES,
    });
    await next.run();
    const teams = await store.getRollUp('team');
    expect(teams?.computedAt.toISOString()).toBe('2026-11-30T18:10:00.000Z');
    expect(teams?.groups.map(g => [g.entityRef, g.serviceCount])).toEqual([
      ['group:default/team-0', 1500],
      ['group:default/team-1', 750],
      [null, 250],
    ]);
  });

  it('stores nothing when the pass is aborted (the previous pass stays)', async () => {
    const { store, refresher } = await setup();
    const controller = new AbortController();
    controller.abort();
    expect(await refresher.run(controller.signal)).toBeUndefined();
    expect(await store.getRollUp('team')).toBeUndefined();
  });

  describe('with a services index', () => {
    /** A refresher with a services index over `entities`, at the time `now()` gives. */
    async function indexed(
      knex: Awaited<ReturnType<typeof databases.init>>,
      entities: ReturnType<typeof catalogEntities>,
      now: () => Date,
    ) {
      const catalog = catalogServiceMock({ entities });
      const queryEntities = jest.spyOn(catalog, 'queryEntities');
      const logger = mockServices.logger.mock();
      const refresher = new OverviewRefresher({
        service: new OverviewService({
          catalog,
          sources: {},
          store: new KnexOverviewStore({ knex }),
          servicesIndex: {
            store: new KnexServicesIndexStore({ knex }),
            maxAgeMs: 3 * TEN_MINUTES,
          },
          now,
        }),
        auth: mockServices.auth(),
        logger,
        refreshIntervalMs: TEN_MINUTES,
        now,
      });
      return { refresher, queryEntities, logger, catalog };
    }

    it('passes when due, else only compares the catalog’s count of services with the last pass’s', async () => {
      const { knex } = await setup();
      let now = new Date('2026-12-01T08:00:00Z');
      const clock = () => now;
      const first = await indexed(knex, catalogEntities(30), clock);
      // No pass yet: a pass.
      expect(await first.refresher.run()).toMatchObject({
        serviceCount: 30,
        servicesIndex: { serviceCount: 30, written: 30, deleted: 0 },
      });
      // A minute later, same count: one count query, no pass.
      now = new Date('2026-12-01T08:01:00Z');
      first.queryEntities.mockClear();
      expect(await first.refresher.run()).toBeUndefined();
      expect(first.queryEntities).toHaveBeenCalledTimes(1);
      expect(first.queryEntities.mock.calls[0][0]).toMatchObject({
        limit: 0,
        totalItems: 'include',
      });
      // A service registered: a pass before the interval, said in the log.
      const grown = await indexed(knex, catalogEntities(31), clock);
      expect(await grown.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 31, written: 1 },
      });
      expect(grown.logger.info).toHaveBeenCalledWith(
        'Reliability overview: the catalog holds 31 services, the services index 30; refreshing before the interval',
      );
      // Ten minutes after the last pass: a pass even with the same count.
      now = new Date('2026-12-01T08:11:00Z');
      expect(await grown.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 31, written: 0 },
      });
    });

    it('keeps an early pass four times the last pass’s duration after it, so a churning catalog is not walked back to back', async () => {
      const { knex } = await setup();
      let now = new Date('2026-12-01T08:00:00Z').getTime();
      const clock = () => new Date(now);
      const first = await indexed(knex, catalogEntities(30), clock);
      // Each catalog page of the walk (one of systems, one of services) takes 30 s; the count query none.
      const walk = first.queryEntities.getMockImplementation()!;
      first.queryEntities.mockImplementation(async (request, options) => {
        if (!(request && 'limit' in request && request.limit === 0)) {
          now += 30_000;
        }
        return walk.call(first.catalog, request, options);
      });
      await first.refresher.run();
      // Finished at 08:01:00 after 60 s: the next early pass at 08:05:00 at the earliest.
      expect(now).toBe(new Date('2026-12-01T08:01:00Z').getTime());
      const grown = await indexed(knex, catalogEntities(31), clock);
      first.queryEntities.mockImplementation(async (request, options) => {
        if (!(request && 'limit' in request && request.limit === 0)) {
          now += 30_000;
        }
        return grown.catalog.queryEntities(request, options);
      });
      now = new Date('2026-12-01T08:04:59Z').getTime();
      expect(await first.refresher.run()).toBeUndefined();
      expect(first.logger.debug).toHaveBeenCalledWith(
        expect.stringContaining(
          'the next pass at 2026-12-01T08:05:00.000Z at the earliest (the last took 60000 ms)',
        ),
      );
      now = new Date('2026-12-01T08:05:00Z').getTime();
      expect(await first.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 31, written: 1 },
      });
      // The refresh interval's pass is never held back: ten minutes after the last pass started.
      now = new Date('2026-12-01T08:15:00Z').getTime();
      expect(await first.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 31, written: 0 },
      });
    });

    it('records a first pass only when the catalog held as many services at its end as it walked', async () => {
      const { knex } = await setup();
      const now = () => new Date('2026-12-01T08:00:00Z');
      const growing = await indexed(knex, catalogEntities(20), now);
      // The catalog is still processing: it counts one more service once the walk is done.
      const walk = growing.queryEntities.getMockImplementation();
      growing.queryEntities.mockImplementation(async (request, options) => {
        const page = await walk!.call(growing.catalog, request, options);
        return request && 'limit' in request && request.limit === 0
          ? { ...page, totalItems: page.totalItems + 1 }
          : page;
      });
      expect(await growing.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 20, written: 20, recorded: false },
      });
      expect(growing.logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          'not used yet (the catalog found no service or changed during its first pass)',
        ),
      );
      const index = new KnexServicesIndexStore({ knex });
      expect(await index.lastPass()).toBeUndefined();
      // Once it holds still, the next run records the pass.
      const settled = await indexed(knex, catalogEntities(21), now);
      expect(await settled.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 21, written: 1, recorded: true },
      });
      expect((await index.lastPass())?.serviceCount).toBe(21);
    });

    it('records no pass that found no service, so an empty index never answers', async () => {
      const { knex } = await setup();
      const now = () => new Date('2026-12-01T08:00:00Z');
      const empty = await indexed(knex, [], now);
      expect(await empty.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 0 },
      });
      expect(
        await new KnexServicesIndexStore({ knex }).lastPass(),
      ).toBeUndefined();
      // The next run passes again (there is still no pass to compare with).
      const filled = await indexed(knex, catalogEntities(5), now);
      expect(await filled.refresher.run()).toMatchObject({
        servicesIndex: { serviceCount: 5 },
      });
    });
  });
});
