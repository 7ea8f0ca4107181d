import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { migrateDatabase } from '../database/migrateDatabase';
import { defaultChecklist } from './defaultChecklist';
import { MaturityService } from './MaturityService';
import { runChecklistRefresh } from './refreshTask';
import { KnexChecklistStore } from './store/KnexChecklistStore';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY = 24 * 60 * 60 * 1000;

describe('runChecklistRefresh', () => {
  it('re-scores entities as answers expire and purges entities gone for too long', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = KnexChecklistStore.create(knex);
    let now = new Date('2026-11-22T00:00:00Z');
    const service = MaturityService.create({
      store,
      checklist: defaultChecklist,
      settings: {
        extend: false,
        answerValidityDays: 30,
        runbookCoverageThreshold: 1,
        retentionDays: 10,
        refreshIntervalMinutes: 60,
      },
      sources: {},
      logger: mockServices.logger.mock(),
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

    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'orders', namespace: 'default' },
          spec: { owner: 'team-a' },
        },
      ],
    });
    const run = () =>
      runChecklistRefresh({
        catalog,
        auth: mockServices.auth(),
        service,
        store,
        logger: mockServices.logger.mock(),
        retentionDays: 10,
        now: () => now,
      });

    now = new Date(now.getTime() + 31 * DAY);
    expect(await run()).toEqual({ evaluated: 1, purged: [] });
    const after = (await service.getSummaries([ref])).get(ref)!;
    expect(after.score).toBe(0);
    expect(after.assessedAt).toBe('2026-11-22T00:00:00.000Z');

    now = new Date(now.getTime() + 11 * DAY);
    expect((await run()).purged).toEqual(['component:default/gone']);
    expect(
      (await service.getHistory('component:default/gone', 10)).assessments,
    ).toEqual([]);
  });
});

describe('MaturityService.refresh', () => {
  it('records entities it cannot evaluate as unevaluated level-none rows, not as evaluations', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = KnexChecklistStore.create(knex);
    const service = MaturityService.create({
      store,
      checklist: defaultChecklist,
      settings: {
        extend: false,
        answerValidityDays: 30,
        runbookCoverageThreshold: 1,
        retentionDays: 10,
        refreshIntervalMinutes: 60,
      },
      sources: {},
      logger: mockServices.logger.mock(),
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
