import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { AnnotateActionInput, AnnotateActionOutput } from './actionTypes';
import fs from 'node:fs/promises';
import { annotateCatalogInfo } from '../catalog/annotateCatalogInfo';
import { relativeToCatalogFile } from '../catalog/relativeToCatalogFile';
import { workspaceFile } from '../workspaceFiles';

/** Id of the action. */
export const ANNOTATE_ACTION_ID = 'reliability:annotate';

/**
 * `reliability:annotate`: adds the suite's annotations (SLO file, runbooks, on-call, tier, policy) and runbook
 * links to an entity of a `catalog-info.yaml` in the workspace, keeping the rest of the file.
 *
 * @public
 */
export function createAnnotateAction(): TemplateAction<
  AnnotateActionInput,
  AnnotateActionOutput,
  'v2'
> {
  return createTemplateAction({
    id: ANNOTATE_ACTION_ID,
    description:
      "Adds the reliability suite's annotations (SLO file, runbooks, on-call, tier) to a catalog-info.yaml in the workspace",
    supportsDryRun: true,
    examples: [
      {
        description:
          'Point the service at the SLO file and runbooks the template wrote',
        example: [
          'steps:',
          '  - id: annotate',
          '    action: reliability:annotate',
          '    input:',
          '      sloDefinitions: ${{ steps.slo.output.path }}',
          '      runbooks: [runbooks/]',
          '      tier: tier-2',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        z.object({
          path: z
            .string()
            .min(1)
            .default('catalog-info.yaml')
            .describe('The catalog file, relative to the workspace'),
          entityName: z
            .string()
            .optional()
            .describe(
              'Entity to annotate when the file holds several (default: its only Component)',
            ),
          sloDefinitions: z
            .string()
            .optional()
            .describe(
              'OpenSLO file, relative to the workspace (or an http(s) URL)',
            ),
          runbooks: z
            .array(z.string())
            .optional()
            .describe(
              'Runbook files or directories (ending in /), relative to the workspace',
            ),
          onCallSchedule: z.string().optional(),
          escalationPolicy: z.string().optional(),
          tier: z.enum(['tier-1', 'tier-2', 'tier-3', 'tier-4']).optional(),
          policy: z.string().optional(),
          pagerDutyServiceId: z.string().optional(),
          opsgenieTeam: z.string().optional(),
          runbookLinks: z
            .array(z.object({ url: z.string().url(), title: z.string() }))
            .optional(),
        }),
      output: z =>
        z.object({
          path: z.string(),
          entityRef: z.string(),
          annotations: z.array(z.string()).describe('Annotation keys written'),
        }),
    },
    async handler(ctx) {
      const { input } = ctx;
      const catalogPath = input.path ?? 'catalog-info.yaml';
      const file = workspaceFile(ctx.workspacePath, catalogPath);
      const result = annotateCatalogInfo({
        text: await fs.readFile(file, 'utf8'),
        entityName: input.entityName,
        annotations: {
          ...input,
          sloDefinitions: input.sloDefinitions
            ? relativeToCatalogFile(catalogPath, input.sloDefinitions)
            : undefined,
          runbooks: input.runbooks?.map(r =>
            relativeToCatalogFile(catalogPath, r),
          ),
        },
        runbookLinks: input.runbookLinks,
      });
      await fs.writeFile(file, result.text, 'utf8');
      ctx.logger.info(
        `Annotated ${result.entityRef} in ${catalogPath}: ${result.written.join(
          ', ',
        )}`,
      );
      ctx.output('path', catalogPath);
      ctx.output('entityRef', result.entityRef);
      ctx.output('annotations', result.written);
    },
  });
}
