import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import { testEntities } from './__testUtils__/createTestTrends';
import {
  checklistSources,
  evaluation,
  sloStates,
} from './__testUtils__/trendsFixtures';
import { createTrendsFeature } from './createTrendsFeature';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-12-01T10:00:00Z');

async function setup(config: object) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const scheduler = mockServices.scheduler.mock();
  const catalog = catalogServiceMock({ entities: testEntities });
  const ctx = {
    logger: mockServices.logger.mock(),
    config: mockServices.rootConfig({ data: config }),
    knex,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    catalog,
    scheduler,
    now: () => NOW,
  } as unknown as ReliabilityContext;
  const evaluations = new Map(
    [evaluation('component:default/orders', 70, 'beginner')].map(e => [
      e.entityRef,
      e,
    ]),
  );
  const feature = await createTrendsFeature(ctx, {
    ...checklistSources(catalog, evaluations, () => NOW),
    slos: sloStates({}),
  });
  return { feature, scheduler };
}

describe('createTrendsFeature', () => {
  it('schedules one global daily snapshot at the configured hour, and no demo seeder', async () => {
    const { feature, scheduler } = await setup({
      reliability: { trends: { snapshotHour: 4 } },
    });
    expect(feature.name).toBe('trends');
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const [task] = scheduler.scheduleTask.mock.calls[0];
    expect(task).toEqual(
      expect.objectContaining({
        id: 'reliability-trends-refresh',
        scope: 'global',
        frequency: { cron: '0 4 * * *' },
      }),
    );
    await task.fn(new AbortController().signal);
    const series = await feature.service.getSeries(
      'entity',
      'component:default/orders',
      7,
    );
    expect(series.maturity).toEqual([
      expect.objectContaining({ day: '2026-12-01', score: 70, demo: false }),
    ]);
  });

  it('adds the demo seeder in demo mode only, which writes demo history', async () => {
    const { feature, scheduler } = await setup({
      reliability: { demo: { seedTrends: true } },
    });
    const ids = scheduler.scheduleTask.mock.calls.map(([t]) => t.id);
    expect(ids).toEqual([
      'reliability-trends-refresh',
      'reliability-trends-demo-seeder',
    ]);
    const seeder = scheduler.scheduleTask.mock.calls[1][0];
    expect(seeder.scope).toBe('global');
    await seeder.fn(new AbortController().signal);
    const series = await feature.service.getSeries(
      'entity',
      'component:default/orders',
      400,
    );
    expect(series.maturity).toHaveLength(181);
    expect(series.maturity[0].demo).toBe(true);
    expect(series.maturity[180]).toMatchObject({
      day: '2026-12-01',
      demo: false,
    });
  });
});
