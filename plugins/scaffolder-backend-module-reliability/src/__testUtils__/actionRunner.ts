import { createMockDirectory } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * A scratch workspace, emptied before each test, and `run(input)`: the action's handler in a mock context on that
 * workspace, resolving to the context (its `output` mock holds what the step output). Call inside a `describe`.
 */
export function actionRunner(action: TemplateAction<any, any, any>) {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());
  async function run(input: Record<string, unknown>) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    return ctx;
  }
  return { workspace, run };
}
