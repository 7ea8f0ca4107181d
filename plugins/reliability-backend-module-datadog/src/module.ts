import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilitySliProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { DatadogSliProvider } from './DatadogSliProvider';

/**
 * Adds the `datadog` SLI provider to the reliability backend (configured under `reliability.datadog`).
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
        sliProviders.addSliProvider(
          DatadogSliProvider.fromConfig(config, { logger }),
        );
      },
    });
  },
});
