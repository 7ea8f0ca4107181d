import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  reliabilitySliProvidersExtensionPoint,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { reliabilityModuleDatadog } from './module';

describe('reliabilityModuleDatadog', () => {
  it('registers the datadog SLI provider', async () => {
    const providers: SliProvider[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'reliability',
      register(reg) {
        reg.registerExtensionPoint(reliabilitySliProvidersExtensionPoint, {
          addSliProvider: (...added) => providers.push(...added),
        });
        reg.registerInit({ deps: {}, async init() {} });
      },
    });
    await startTestBackend({
      features: [
        plugin,
        reliabilityModuleDatadog,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              datadog: { apiKey: 'a', applicationKey: 'b' },
            },
          },
        }),
      ],
    });
    expect(providers.map(provider => provider.type)).toEqual(['datadog']);
  });
});
