import { InputError } from '@backstage/errors';
import { isHttpUrl } from '@internal/backstage-plugin-reliability-common';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type {
  DeployGateWorkflowActionInput,
  DeployGateWorkflowActionOutput,
} from './actionTypes';
import {
  deployGateUrl,
  deployGateWorkflow,
  gateEntityOf,
} from '../deployGate/deployGateWorkflow';
import { writeWorkspaceFile } from '../workspaceFiles';

/** Id of the action. */
export const DEPLOY_GATE_WORKFLOW_ACTION_ID =
  'reliability:deploy-gate:workflow';

const DEFAULT_PATH = '.github/workflows/reliability-deploy-gate.yml';

/**
 * `reliability:deploy-gate:workflow`: writes a reusable GitHub Actions workflow that asks the reliability deploy
 * gate about a service and fails on "deny", for the service's deploy workflow to call before it deploys (the fix
 * of the checklist item `deploys-ask-gate`). The gate's address is the Backstage backend's (`backend.baseUrl`)
 * unless `backstageUrl` says otherwise.
 *
 * @public
 */
export function createDeployGateWorkflowAction(options: {
  /** The backend's public base URL (`backend.baseUrl`), the default of `backstageUrl`. */
  backendBaseUrl: string;
}): TemplateAction<
  DeployGateWorkflowActionInput,
  DeployGateWorkflowActionOutput,
  'v2'
> {
  return createTemplateAction({
    id: DEPLOY_GATE_WORKFLOW_ACTION_ID,
    description:
      'Writes a reusable GitHub Actions workflow that asks the reliability deploy gate about a service before it is deployed and fails on deny',
    supportsDryRun: true,
    examples: [
      {
        description: 'The deploy gate for the chosen service',
        example: [
          'steps:',
          '  - id: gate',
          '    action: reliability:deploy-gate:workflow',
          '    input:',
          '      entityRef: ${{ parameters.component }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .max(300)
            .describe('The service, e.g. component:default/payments'),
          backstageUrl: z
            .string()
            .trim()
            .max(500)
            .optional()
            .describe(
              "The Backstage backend's http(s) URL the pipeline reaches (default, also when empty: backend.baseUrl)",
            ),
          path: z
            .string()
            .min(1)
            .default(DEFAULT_PATH)
            .describe('File to write, relative to the workspace'),
          failOpen: z
            .boolean()
            .default(false)
            .describe(
              'Let the deploy go on when the gate cannot be asked (default: fail closed)',
            ),
          overwrite: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          path: z
            .string()
            .describe('The workflow written, relative to the workspace'),
          gateUrl: z.string().describe('The deploy gate URL it asks'),
          usage: z
            .string()
            .describe('The lines that call it from the deploy workflow'),
          workflow: z
            .string()
            .describe(
              'The file written (to copy by hand without a repository)',
            ),
        }),
    },
    async handler(ctx) {
      const { input } = ctx;
      const entity = gateEntityOf(input.entityRef);
      if (!entity) {
        throw new InputError(
          `Invalid entityRef '${input.entityRef}': write it as kind:namespace/name, e.g. component:default/payments`,
        );
      }
      const backstageUrl = input.backstageUrl || options.backendBaseUrl;
      if (!isHttpUrl(backstageUrl)) {
        throw new InputError(
          `Invalid backstageUrl '${backstageUrl}': the http(s) address of the Backstage backend, e.g. https://backstage.example.com`,
        );
      }
      const path = input.path ?? DEFAULT_PATH;
      const workflow = deployGateWorkflow({
        entityRef: input.entityRef,
        entity,
        backstageUrl,
        failOpen: input.failOpen ?? false,
        path,
      });
      await writeWorkspaceFile({
        workspacePath: ctx.workspacePath,
        relativePath: path,
        content: workflow,
        overwrite: input.overwrite,
      });
      ctx.logger.info(
        `Wrote the deploy gate workflow for ${input.entityRef} to ${path}`,
      );
      ctx.output('path', path);
      ctx.output('gateUrl', deployGateUrl(backstageUrl, entity));
      ctx.output('workflow', workflow);
      ctx.output(
        'usage',
        [
          'jobs:',
          '  deploy-gate:',
          `    uses: ./${path}`,
          '    secrets:',
          '      DEPLOY_GATE_TOKEN: ${{ secrets.DEPLOY_GATE_TOKEN }}',
          '  deploy:',
          '    needs: deploy-gate',
        ].join('\n'),
      );
    },
  });
}
