import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  AlertSource,
  ProviderNotConfiguredError,
  reliabilityAlertSourcesExtensionPoint,
  reliabilitySliProvidersExtensionPoint,
  SliEventCountsRequest,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { reliabilityModuleDatadog } from './module';

async function startWith(data: object) {
  const providers: SliProvider[] = [];
  const alertSources: AlertSource[] = [];
  const logger = mockServices.logger.mock();
  const plugin = createBackendPlugin({
    pluginId: 'reliability',
    register(reg) {
      reg.registerExtensionPoint(reliabilitySliProvidersExtensionPoint, {
        addSliProvider: (...added) => providers.push(...added),
      });
      reg.registerExtensionPoint(reliabilityAlertSourcesExtensionPoint, {
        addAlertSource: (...added) => alertSources.push(...added),
      });
      reg.registerInit({ deps: {}, async init() {} });
    },
  });
  await startTestBackend({
    features: [
      plugin,
      reliabilityModuleDatadog,
      mockServices.rootConfig.factory({ data }),
      logger.factory,
    ],
  });
  return { providers, alertSources, logger };
}

describe('reliabilityModuleDatadog', () => {
  it('registers the datadog SLI provider', async () => {
    const { providers, alertSources, logger } = await startWith({
      reliability: {
        datadog: { apiKey: 'a', applicationKey: 'b' },
      },
    });
    expect(providers.map(provider => provider.type)).toEqual(['datadog']);
    expect(alertSources.map(source => source.id)).toEqual(['datadog']);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('installed but not configured: registers the provider, warns once, answers "Datadog provider not configured"', async () => {
    const { providers, alertSources, logger } = await startWith({});
    expect(providers.map(provider => provider.type)).toEqual(['datadog']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Datadog module installed but reliability.datadog is not configured',
      ),
    );
    const error = await providers[0]
      .getEventCounts({} as SliEventCountsRequest)
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderNotConfiguredError);
    expect(error.message).toBe(
      'Datadog provider not configured: set reliability.datadog.apiKey and reliability.datadog.applicationKey in app-config',
    );
    // The alert source is registered too, fails the same way, and adds no second warning.
    expect(alertSources.map(source => source.id)).toEqual(['datadog']);
    await expect(
      alertSources[0].getInventory({ from: new Date(0), to: new Date() }),
    ).rejects.toThrow(ProviderNotConfiguredError);
  });
});
