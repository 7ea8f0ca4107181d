import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import { checkoutEntity, fakeProvider } from './__testUtils__/sloFixtures';
import { createSloFeature } from './createSloFeature';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00Z');

async function createContext(data: object = {}) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const scheduler = mockServices.scheduler.mock();
  const sliProviders = Object.freeze([
    fakeProvider(() => ({ good: 999, total: 1000 })),
  ]);
  const ctx = {
    logger: mockServices.logger.mock(),
    config: mockServices.rootConfig({ data }),
    knex,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock({ entities: [checkoutEntity()] }),
    scheduler,
    urlReader: mockServices.urlReader.mock(),
    sliProviders,
    onCallProviders: [],
    now: () => NOW,
  } as unknown as ReliabilityContext;
  return { ctx, scheduler };
}

describe('createSloFeature', () => {
  it('schedules its refresher, whose run fills the summaries, without touching the context', async () => {
    const { ctx, scheduler } = await createContext();
    const feature = await createSloFeature(ctx);
    expect(feature.name).toBe('slo');
    expect(ctx.sliProviders.map(p => p.type)).toEqual(['fake']);
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const [task] = scheduler.scheduleTask.mock.calls[0];
    expect(task).toMatchObject({
      id: 'reliability-slo-refresh',
      scope: 'global',
      frequency: { minutes: 5 },
    });
    await task.fn(new AbortController().signal);
    const summaries = await feature.summaries.getSummaries([
      'component:default/checkout',
    ]);
    expect(summaries.get('component:default/checkout')).toMatchObject({
      sloCount: 1,
      worstBudgetRemaining: 0,
    });
    const { definitions } = await feature.definitions.load(checkoutEntity());
    expect(definitions.map(d => d.name)).toEqual(['checkout-availability']);
  });

  it('schedules the demo seeder only in demo mode', async () => {
    const { ctx, scheduler } = await createContext({
      reliability: { demo: { seedSliEvents: true } },
    });
    await createSloFeature(ctx);
    expect(scheduler.scheduleTask.mock.calls.map(([t]) => t.id)).toEqual([
      'reliability-slo-refresh',
      'reliability-slo-demo-seeder',
    ]);
  });
});
