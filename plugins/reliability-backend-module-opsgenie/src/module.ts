import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityOnCallProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { opsgenieProviderFromConfig } from './providerFromConfig';

/**
 * Adds Opsgenie as an on-call provider of the reliability backend, for entities annotated
 * `opsgenie.com/team`. Needs `reliability.opsgenie.apiKey`: installed but not configured, it still registers
 * the provider, which answers "Opsgenie provider not configured".
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
      },
      async init({ config, logger, onCall }) {
        onCall.addOnCallProvider(opsgenieProviderFromConfig(config, logger));
      },
    });
  },
});
