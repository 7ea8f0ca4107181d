import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  reliabilityIncidentProvidersExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';
import {
  opsgenieIncidentProviderFromConfig,
  opsgenieProviderFromConfig,
} from './providerFromConfig';

/**
 * Adds Opsgenie as an on-call provider and an incident provider of the reliability backend, for entities
 * annotated `opsgenie.com/team`. Needs `reliability.opsgenie.apiKey`: installed but not configured, it still
 * registers both providers, which answer "Opsgenie provider not configured" (one start-up warning).
 *
 * @public
 */
export const reliabilityModuleOpsgenie = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'opsgenie',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        onCall: reliabilityOnCallProvidersExtensionPoint,
        incidents: reliabilityIncidentProvidersExtensionPoint,
      },
      async init({ config, logger, onCall, incidents }) {
        onCall.addOnCallProvider(opsgenieProviderFromConfig(config, logger));
        incidents.addIncidentProvider(
          opsgenieIncidentProviderFromConfig(config, logger),
        );
      },
    });
  },
});
