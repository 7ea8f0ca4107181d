import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySliProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { prometheusProviderFromConfig } from './providerFromConfig';

/**
 * Adds the `prometheus` SLI provider to the reliability backend (configured under `reliability.prometheus`).
 * Installed but not configured, it still registers the provider, which answers "Prometheus provider not
 * configured".
 *
 * @public
 */
export const reliabilityModulePrometheus = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        sliProviders: reliabilitySliProvidersExtensionPoint,
      },
      async init({ config, logger, sliProviders }) {
        sliProviders.addSliProvider(
          prometheusProviderFromConfig(config, logger),
        );
      },
    });
  },
});
