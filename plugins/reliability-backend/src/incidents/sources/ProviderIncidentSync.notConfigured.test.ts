import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  IncidentProvider,
  ProviderNotConfiguredError,
} from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../../database/migrateDatabase';
import { NOW, serviceEntity } from '../__testUtils__/incidentFixtures';
import { KnexIncidentStore } from '../store/KnexIncidentStore';
import { ProviderIncidentSync } from './ProviderIncidentSync';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOT_CONFIGURED =
  'Opsgenie provider not configured: set reliability.opsgenie.apiKey in app-config';

describe('ProviderIncidentSync with a provider that is not configured', () => {
  it('records "provider not configured" for each entity on every sync but logs it once', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = new KnexIncidentStore({ knex });
    const logger = mockServices.logger.mock();
    const provider: IncidentProvider = {
      id: 'opsgenie',
      supports: () => true,
      getIncidents: async () => {
        throw new ProviderNotConfiguredError(
          'Opsgenie',
          'reliability.opsgenie.apiKey',
        );
      },
    };
    const sync = new ProviderIncidentSync({
      providers: [provider],
      store,
      logger,
      now: () => NOW,
      windowDays: 90,
      timeoutMs: 50,
    });
    const entities = [serviceEntity('checkout-api'), serviceEntity('payments')];

    for (let run = 0; run < 2; run++) {
      for (const entity of entities) {
        expect(await sync.sync(entity)).toEqual({ read: 0, failed: 1 });
      }
    }
    expect(await store.listSyncs('component:default/payments')).toEqual([
      expect.objectContaining({ source: 'opsgenie', error: NOT_CONFIGURED }),
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(NOT_CONFIGURED),
    );
  });
});
