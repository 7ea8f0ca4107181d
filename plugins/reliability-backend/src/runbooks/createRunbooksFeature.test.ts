import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import { createRunbooksFeature } from './createRunbooksFeature';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('createRunbooksFeature', () => {
  it('schedules a global indexing task and serves summaries from the store', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const scheduler = mockServices.scheduler.mock();
    const ctx = {
      logger: mockServices.logger.mock(),
      config: mockServices.rootConfig(),
      database: knex,
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth(),
      userInfo: mockServices.userInfo(),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock(),
      scheduler,
      urlReader: mockServices.urlReader.mock(),
      sliProviders: [],
      onCallProviders: [],
      now: () => new Date('2026-11-22T10:00:00Z'),
    } as unknown as ReliabilityContext;
    const feature = createRunbooksFeature(ctx, {
      slos: { load: async () => ({ definitions: [] }) },
    });
    expect(feature.name).toBe('runbooks');
    await feature.start?.();
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-runbooks-index',
        scope: 'global',
      }),
    );
    expect(
      await feature.summaries.getSummaries(['component:default/x']),
    ).toEqual(new Map());
  });
});
