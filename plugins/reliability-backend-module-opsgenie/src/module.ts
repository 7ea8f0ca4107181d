import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const reliabilityModuleOpsgenie = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'opsgenie',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
