import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { readReliabilityCollatorConfig } from './config';
import { ReliabilityCollatorFactory } from './ReliabilityCollatorFactory';

/**
 * Search module indexing the reliability suite's runbooks, rollback procedures, postmortems, pre-mortems and
 * SLOs (document type `reliability`), on the schedule of `search.collators.reliability.schedule`.
 * Needs the reliability backend plugin in the same deployment.
 *
 * @public
 */
export const searchModuleReliabilityCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'reliability-collator',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        logger,
        auth,
        discovery,
        scheduler,
        indexRegistry,
      }) {
        const { schedule, batchSize } = readReliabilityCollatorConfig(config);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new ReliabilityCollatorFactory({
            discovery,
            auth,
            logger,
            batchSize,
          }),
        });
      },
    });
  },
});
