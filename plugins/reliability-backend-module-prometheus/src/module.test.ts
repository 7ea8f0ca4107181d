import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  reliabilitySliProvidersExtensionPoint,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { reliabilityModulePrometheus } from './module';

describe('reliabilityModulePrometheus', () => {
  it('registers the prometheus SLI provider', async () => {
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
        reliabilityModulePrometheus,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              prometheus: { baseUrl: 'http://prometheus.test:9090' },
            },
          },
        }),
      ],
    });
    expect(providers.map(provider => provider.type)).toEqual(['prometheus']);
  });
});
