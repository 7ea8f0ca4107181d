import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateAction } from './actions/annotateAction';
import { createDeployGateWorkflowAction } from './actions/deployGateWorkflowAction';
import { createRunbookAction } from './actions/createRunbookAction';
import { createSloAction } from './actions/createSloAction';

/**
 * Adds the reliability suite's scaffolder actions: `reliability:slo:create`, `reliability:runbook:create`,
 * `reliability:annotate` and `reliability:deploy-gate:workflow` (see the templates in examples/templates).
 *
 * @public
 */
export const scaffolderModuleReliability = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'reliability',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createSloAction(),
          createRunbookAction(),
          createAnnotateAction(),
          createDeployGateWorkflowAction({
            backendBaseUrl: config.getString('backend.baseUrl'),
          }),
        );
      },
    });
  },
});
