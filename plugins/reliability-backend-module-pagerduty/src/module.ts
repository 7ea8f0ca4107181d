import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityOnCallProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { createPagerDutyClient } from './createPagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

/**
 * Adds PagerDuty as an on-call provider of the reliability backend, for entities annotated
 * `pagerduty.com/service-id`. Needs `reliability.pagerduty.token`.
 *
 * @public
 */
export const reliabilityModulePagerduty = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'pagerduty',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        onCall: reliabilityOnCallProvidersExtensionPoint,
      },
      async init({ config, logger, onCall }) {
        const client = createPagerDutyClient(config);
        if (!client) {
          logger.warn(
            'reliability.pagerduty.token is not set; the PagerDuty on-call provider is disabled',
          );
          return;
        }
        onCall.addOnCallProvider(new PagerDutyOnCallProvider(client));
      },
    });
  },
});
