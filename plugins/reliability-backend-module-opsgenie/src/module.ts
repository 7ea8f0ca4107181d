import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityOnCallProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { createOpsgenieClient } from './createOpsgenieClient';
import { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';

/**
 * Adds Opsgenie as an on-call provider of the reliability backend, for entities annotated
 * `opsgenie.com/team`. Needs `reliability.opsgenie.apiKey`.
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
        const client = createOpsgenieClient(config);
        if (!client) {
          logger.warn(
            'reliability.opsgenie.apiKey is not set; the Opsgenie on-call provider is disabled',
          );
          return;
        }
        onCall.addOnCallProvider(new OpsgenieOnCallProvider(client));
      },
    });
  },
});
