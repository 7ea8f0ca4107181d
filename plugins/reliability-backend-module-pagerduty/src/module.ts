import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityOnCallProvidersExtensionPoint } from '@internal/backstage-plugin-reliability-node';
import { pagerDutyProviderFromConfig } from './providerFromConfig';

/**
 * Adds PagerDuty as an on-call provider of the reliability backend, for entities annotated
 * `pagerduty.com/service-id`. Needs `reliability.pagerduty.token`: installed but not configured, it still
 * registers the provider, which answers "PagerDuty provider not configured".
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
        onCall.addOnCallProvider(pagerDutyProviderFromConfig(config, logger));
      },
    });
  },
});
