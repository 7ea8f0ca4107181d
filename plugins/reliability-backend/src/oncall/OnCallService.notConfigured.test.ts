import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ProviderNotConfiguredError } from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../database/migrateDatabase';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import { fakeProvider, serviceEntity } from './__testUtils__/onCallFixtures';
import { onCallServiceFor } from './__testUtils__/onCallServiceFor';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const entity = serviceEntity('checkout', { 'fake/oncall': 'yes' });

describe('OnCallService with a provider that is not configured', () => {
  it('answers "provider not configured" on every refresh but logs it once', async () => {
    const db = await databases.init('SQLITE_3');
    await migrateDatabase(db);
    const catalog = catalogServiceMock({ entities: [] });
    const logger = mockServices.logger.mock();
    const service = onCallServiceFor({
      providers: [
        fakeProvider(() => {
          throw new ProviderNotConfiguredError(
            'PagerDuty',
            'reliability.pagerduty.token',
          );
        }),
      ],
      store: new KnexOnCallStore({ knex: db }),
      catalog,
      logger,
      now: () => new Date('2026-11-20T12:00:00.000Z'),
      horizonDays: 14,
    });

    for (let i = 0; i < 3; i++) {
      const onCall = await service.getEntityOnCall(entity, { refresh: true });
      expect(onCall).toMatchObject({
        status: 'error',
        message:
          'PagerDuty provider not configured: set reliability.pagerduty.token in app-config',
      });
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('PagerDuty provider not configured'),
    );
  });
});
