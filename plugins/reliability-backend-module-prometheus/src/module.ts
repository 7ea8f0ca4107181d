import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  reliabilityAlertSourcesExtensionPoint,
  reliabilitySliProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';
import {
  prometheusAlertSourceFromConfig,
  prometheusProviderFromConfig,
} from './providerFromConfig';

/**
 * Adds the `prometheus` SLI provider and the `prometheus` alert source (alerting rules, active alerts, the
 * `ALERTS` history) to the reliability backend (configured under `reliability.prometheus`).
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
        alertSources: reliabilityAlertSourcesExtensionPoint,
      },
      async init({ config, logger, sliProviders, alertSources }) {
        sliProviders.addSliProvider(
          prometheusProviderFromConfig(config, logger),
        );
        alertSources.addAlertSource(
          prometheusAlertSourceFromConfig(config, logger),
        );
      },
    });
  },
});
