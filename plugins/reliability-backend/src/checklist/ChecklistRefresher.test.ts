import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestMaturityService } from './__testUtils__/testMaturityService';
import { ChecklistRefresher } from './ChecklistRefresher';
import { defaultChecklist } from './defaultChecklist';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY = 24 * 60 * 60 * 1000;

const orders = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { owner: 'team-a' },
};

/** The refresher over a catalog of `entities` and a test maturity service, keeping 10 days of history. */
function refresherFor(
  entities: Entity[],
  {
    service,
    store,
    exemptionService,
  }: Pick<
    Awaited<ReturnType<typeof createTestMaturityService>>,
    'service' | 'store' | 'exemptionService'
  >,
  now: () => Date,
) {
  return new ChecklistRefresher({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    service,
    store,
    exemptions: exemptionService,
    logger: mockServices.logger.mock(),
    retentionDays: 10,
    now,
  });
}

describe('ChecklistRefresher', () => {
  it('re-scores entities as answers expire and purges entities gone for too long', async () => {
    const knex = await databases.init('SQLITE_3');
    let now = new Date('2026-11-22T00:00:00Z');
    const { store, service, exemptionService } =
      await createTestMaturityService(knex, {
        config: {
          answerValidityDays: 30,
          runbookCoverageThreshold: 1,
          deployGateAskedWithinDays: 30,
        },
        now: () => now,
      });
    const ref = 'component:default/orders';
    await service.submitAssessment({
      entityRef: ref,
      author: 'user:default/alice',
      request: {
        checklistVersion: defaultChecklist.version,
        answers: { rollback: { answer: 'yes' } },
      },
    });
    await service.submitAssessment({
      entityRef: 'component:default/gone',
      author: 'user:default/alice',
      request: { checklistVersion: defaultChecklist.version, answers: {} },
    });
    const before = (await service.getSummaries([ref])).get(ref)!;
    expect(before.score).toBeGreaterThan(0);

    const refresher = refresherFor(
      [orders],
      { service, store, exemptionService },
      () => now,
    );

    now = new Date(now.getTime() + 31 * DAY);
    expect(await refresher.run()).toEqual({ evaluated: 1, purged: [] });
    const after = (await service.getSummaries([ref])).get(ref)!;
    expect(after.score).toBe(0);
    expect(after.assessedAt).toBe('2026-11-22T00:00:00.000Z');

    now = new Date(now.getTime() + 11 * DAY);
    expect((await refresher.run()).purged).toEqual(['component:default/gone']);
    expect(
      (await service.getHistory('component:default/gone', 10)).assessments,
    ).toEqual([]);
  });

  it('applies no retention when the run is aborted', async () => {
    const knex = await databases.init('SQLITE_3');
    const now = new Date('2026-11-22T00:00:00Z');
    const { store, service, exemptionService } =
      await createTestMaturityService(knex, {
        now: () => now,
      });
    await service.submitAssessment({
      entityRef: 'component:default/gone',
      author: 'user:default/alice',
      request: { checklistVersion: defaultChecklist.version, answers: {} },
    });
    const applyRetention = jest.spyOn(store, 'applyRetention');
    const refresher = refresherFor(
      [orders],
      { service, store, exemptionService },
      () => now,
    );
    const controller = new AbortController();
    controller.abort();
    expect(await refresher.run(controller.signal)).toEqual({
      evaluated: 0,
      purged: [],
    });
    expect(applyRetention).not.toHaveBeenCalled();
  });

  it('evaluates a catalog page of 200 in groups of 50, every entity once', async () => {
    const knex = await databases.init('SQLITE_3');
    const now = new Date('2026-11-22T00:00:00Z');
    const { store, service, exemptionService } =
      await createTestMaturityService(knex, { now: () => now });
    const entities = Array.from({ length: 230 }, (_, i) => ({
      ...orders,
      metadata: { name: `svc-${i}`, namespace: 'default' },
    }));
    const refresh = jest.spyOn(service, 'refresh');
    const refresher = refresherFor(
      entities,
      { service, store, exemptionService },
      () => now,
    );
    await refresher.run();
    expect(refresh.mock.calls.map(([refs]) => refs.length)).toEqual([
      50, 50, 50, 50, 30,
    ]);
    expect(new Set(refresh.mock.calls.flatMap(([refs]) => refs)).size).toBe(
      230,
    );
  });
});

describe('MaturityService.refresh', () => {
  it('records entities it cannot evaluate as unevaluated level-none rows, not as evaluations', async () => {
    const knex = await databases.init('SQLITE_3');
    const { service } = await createTestMaturityService(knex, {
      config: {
        answerValidityDays: 30,
        runbookCoverageThreshold: 1,
        deployGateAskedWithinDays: 30,
      },
      now: () => new Date('2026-11-22T00:00:00Z'),
    });
    const ref = 'component:default/never-assessed';
    expect(await service.refresh([ref])).toBe(0);
    expect(await service.getSummaries([ref])).toEqual(new Map());
    expect(
      await service.pageEntityRefsWithLevel({
        level: 'none',
        kind: 'component',
        order: 'asc',
        offset: 0,
        limit: 10,
        includeTotal: true,
      }),
    ).toEqual({ entityRefs: [ref], totalItems: 1 });
  });
});
