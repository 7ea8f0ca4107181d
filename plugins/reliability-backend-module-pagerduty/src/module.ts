import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  reliabilityIncidentProvidersExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';
import {
  pagerDutyIncidentProviderFromConfig,
  pagerDutyProviderFromConfig,
} from './providerFromConfig';

/**
 * Adds PagerDuty as an on-call provider and an incident provider of the reliability backend, for entities
 * annotated `pagerduty.com/service-id`. Needs `reliability.pagerduty.token`: installed but not configured, it
 * still registers both providers, which answer "PagerDuty provider not configured" (one start-up warning).
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
        incidents: reliabilityIncidentProvidersExtensionPoint,
      },
      async init({ config, logger, onCall, incidents }) {
        onCall.addOnCallProvider(pagerDutyProviderFromConfig(config, logger));
        incidents.addIncidentProvider(
          pagerDutyIncidentProviderFromConfig(config, logger),
        );
      },
    });
  },
});
