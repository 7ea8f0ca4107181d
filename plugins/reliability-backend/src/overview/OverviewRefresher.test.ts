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
import {
  component,
  fakeSource,
  maturitySummary,
  onCallSummary,
  sloSummary,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

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
    // Pages of 1000 and one summaries call per area and page (plus one for the systems' own SLOs).
    expect(queryEntities).toHaveBeenCalledTimes(3);
    for (const [, options] of queryEntities.mock.calls) {
      expect(options).toMatchObject({
        credentials: { principal: { type: 'service' } },
      });
    }
    expect(sources.maturity.getSummaries).toHaveBeenCalledTimes(3);
    expect(sources.slo.getSummaries).toHaveBeenCalledTimes(4);

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
});
