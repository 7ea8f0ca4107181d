import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  reliabilityAlertSourcesExtensionPoint,
  reliabilitySliProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';
import {
  datadogAlertSourceFromConfig,
  datadogProviderFromConfig,
} from './providerFromConfig';

/**
 * Adds the `datadog` SLI provider and the `datadog` alert source (monitors) to the reliability backend
 * (configured under `reliability.datadog`). Installed
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
        alertSources: reliabilityAlertSourcesExtensionPoint,
      },
      async init({ config, logger, sliProviders, alertSources }) {
        sliProviders.addSliProvider(datadogProviderFromConfig(config, logger));
        alertSources.addAlertSource(
          datadogAlertSourceFromConfig(config, logger),
        );
      },
    });
  },
});
