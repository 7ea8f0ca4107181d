import {
  AlertSource,
  ProviderNotConfiguredError,
} from '@internal/backstage-plugin-reliability-node';
import { entity } from '../__testUtils__/alertFixtures';
import { createTestAlertsArea } from '../__testUtils__/testAlertService';
import { AlertEntityMapper } from '../mapping/AlertEntityMapper';

const NOT_CONFIGURED =
  'Datadog provider not configured: set reliability.datadog.apiKey in app-config';

describe('AlertSourceSync with a source that is not configured', () => {
  it('records "provider not configured" on every sync but logs it once', async () => {
    const source: AlertSource = {
      id: 'datadog',
      getInventory: async () => {
        throw new ProviderNotConfiguredError(
          'Datadog',
          'reliability.datadog.apiKey',
        );
      },
    };
    const { sync, store, logger } = await createTestAlertsArea({
      sources: [source],
    });
    const mapper = new AlertEntityMapper({ label: 'service' });
    mapper.add([entity('Component', 'checkout-api')]);

    for (let run = 0; run < 3; run++) {
      await expect(sync.syncAll(mapper)).resolves.toEqual([
        { source: 'datadog', ok: false, error: NOT_CONFIGURED },
      ]);
    }
    expect(await store.listSyncs()).toEqual([
      expect.objectContaining({ source: 'datadog', error: NOT_CONFIGURED }),
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(NOT_CONFIGURED),
    );
  });
});
