import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { IncidentProvider } from '@internal/backstage-plugin-reliability-node';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import { document, NOW, serviceEntity } from './__testUtils__/incidentFixtures';
import { createIncidentsFeature } from './createIncidentsFeature';
import { DEMO_INCIDENTS } from './demo/demoIncidents';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function createContext(
  config: object,
  incidentProviders: IncidentProvider[] = [],
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  const ctx = {
    logger,
    config: mockServices.rootConfig({ data: config }),
    knex,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock({
      entities: [serviceEntity('checkout-api'), serviceEntity('payments')],
    }),
    scheduler,
    incidentProviders,
    now: () => NOW,
  } as unknown as ReliabilityContext;
  return { ctx, scheduler, logger };
}

const documents = {
  load: async () => ({
    runbooks: [
      document(
        'pm',
        {},
        {
          actionItems: [
            {
              title: 'Fix',
              owner: null,
              due: '2026-11-01',
              status: 'open' as const,
              issue: null,
            },
          ],
        },
      ),
    ],
  }),
};

describe('createIncidentsFeature', () => {
  it('schedules its refresher, whose run fills the summaries', async () => {
    const { ctx, scheduler } = await createContext({
      reliability: { incidents: { refreshInterval: { minutes: 10 } } },
    });
    const feature = await createIncidentsFeature(ctx, { documents });
    expect(feature.name).toBe('incidents');
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const [task] = scheduler.scheduleTask.mock.calls[0];
    expect(task).toEqual(
      expect.objectContaining({
        id: 'reliability-incidents-refresh',
        scope: 'global',
        frequency: { minutes: 10 },
      }),
    );
    const ref = 'component:default/checkout-api';
    expect(await feature.summaries.getSummaries([ref])).toEqual(new Map());
    await task.fn(new AbortController().signal);
    expect((await feature.summaries.getSummaries([ref])).get(ref)).toEqual(
      expect.objectContaining({ openActionItems: 1, overdueActionItems: 1 }),
    );
  });

  it('ignores a provider taking the embedded source id', async () => {
    const { ctx, logger } = await createContext({}, [
      { id: 'embedded', supports: () => true, getIncidents: async () => [] },
    ]);
    await createIncidentsFeature(ctx, { documents });
    expect(logger.warn).toHaveBeenCalledWith(
      "Ignoring an incident provider with the reserved id 'embedded'",
    );
  });

  it('in demo mode, schedules the demo seeder, which writes the demo incidents of the catalog labelled as demo data', async () => {
    const { ctx, scheduler } = await createContext({
      reliability: { demo: { seedIncidents: true } },
    });
    const feature = await createIncidentsFeature(ctx, { documents });
    const tasks = scheduler.scheduleTask.mock.calls.map(([task]) => task);
    expect(tasks.map(t => t.id)).toEqual([
      'reliability-incidents-refresh',
      'reliability-incidents-demo-seeder',
    ]);
    await tasks[1].fn(new AbortController().signal);
    const incidents = await feature.service.getEntityIncidents(
      serviceEntity('payments'),
      await ctx.auth.getOwnServiceCredentials(),
    );
    expect(incidents.incidents.map(i => i.id).sort()).toEqual(
      DEMO_INCIDENTS.filter(d => d.component === 'payments')
        .map(d => d.id)
        .sort(),
    );
    expect(incidents.sources).toEqual([
      expect.objectContaining({ label: 'embedded (demo data)' }),
    ]);
  });
});
