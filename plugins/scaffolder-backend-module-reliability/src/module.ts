import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAnnotateAction } from './actions/annotateAction';
import { createRunbookAction } from './actions/createRunbookAction';
import { createSloAction } from './actions/createSloAction';

/**
 * Adds the reliability suite's scaffolder actions: `reliability:slo:create`, `reliability:runbook:create` and
 * `reliability:annotate` (see the templates in examples/templates).
 *
 * @public
 */
export const scaffolderModuleReliability = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'reliability',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createSloAction(),
          createRunbookAction(),
          createAnnotateAction(),
        );
      },
    });
  },
});
