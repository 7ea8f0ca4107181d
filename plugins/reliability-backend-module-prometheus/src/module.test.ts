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
import { reliabilityModulePrometheus } from './module';

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
      reliabilityModulePrometheus,
      mockServices.rootConfig.factory({ data }),
      logger.factory,
    ],
  });
  return { providers, alertSources, logger };
}

describe('reliabilityModulePrometheus', () => {
  it('registers the prometheus SLI provider', async () => {
    const { providers, alertSources, logger } = await startWith({
      reliability: {
        prometheus: { baseUrl: 'http://prometheus.test:9090' },
      },
    });
    expect(providers.map(provider => provider.type)).toEqual(['prometheus']);
    expect(alertSources.map(source => source.id)).toEqual(['prometheus']);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('installed but not configured: registers the provider, warns once, answers "Prometheus provider not configured"', async () => {
    const { providers, alertSources, logger } = await startWith({});
    expect(providers.map(provider => provider.type)).toEqual(['prometheus']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Prometheus module installed but reliability.prometheus is not configured',
      ),
    );
    const error = await providers[0]
      .getEventCounts({} as SliEventCountsRequest)
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderNotConfiguredError);
    expect(error.message).toBe(
      'Prometheus provider not configured: set reliability.prometheus.baseUrl in app-config',
    );
    // The alert source is registered too, fails the same way, and adds no second warning.
    expect(alertSources.map(source => source.id)).toEqual(['prometheus']);
    await expect(
      alertSources[0].getInventory({ from: new Date(0), to: new Date() }),
    ).rejects.toThrow(ProviderNotConfiguredError);
  });
});
