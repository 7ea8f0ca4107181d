import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySliProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { datadogProviderFromConfig } from './providerFromConfig';

/**
 * Adds the `datadog` SLI provider to the reliability backend (configured under `reliability.datadog`). Installed
 * but not configured, it still registers the provider, which answers "Datadog provider not configured".
 *
 * @public
 */
export const reliabilityModuleDatadog = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'datadog',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliProviders: reliabilitySliProvidersExtensionPoint,
      },
      async init({ config, logger, sliProviders }) {
        sliProviders.addSliProvider(datadogProviderFromConfig(config, logger));
      },
    });
  },
});
