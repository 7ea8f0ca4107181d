import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const reliabilityModuleDatadog = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'datadog',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
