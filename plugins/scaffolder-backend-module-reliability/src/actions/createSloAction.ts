import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { SloActionInput, SloActionOutput } from './actionTypes';
import { buildSloFile } from '../openslo/sloFile';
import { SLI_PRESETS, SLI_SOURCES } from '../openslo/sloDocuments';
import { writeWorkspaceFile } from '../workspaceFiles';

/** Id of the action. */
export const CREATE_SLO_ACTION_ID = 'reliability:slo:create';

/**
 * `reliability:slo:create`: writes an OpenSLO file for a service from template inputs (SLI presets, targets,
 * windows), with multiwindow burn-rate alerts sized for each window. The file is validated with the suite's
 * OpenSLO parser first: an invalid target or window fails the step with the parser's message.
 *
 * @public
 */
export function createSloAction(): TemplateAction<
  SloActionInput,
  SloActionOutput,
  'v2'
> {
  return createTemplateAction({
    id: CREATE_SLO_ACTION_ID,
    description:
      'Writes a validated OpenSLO file (SLOs from availability/latency presets, with burn-rate alerts) to the workspace',
    supportsDryRun: true,
    examples: [
      {
        description:
          'A 99.9% availability SLO over 28 days, fed by the built-in SLI event store',
        example: [
          'steps:',
          '  - id: slo',
          '    action: reliability:slo:create',
          '    input:',
          '      service: checkout-api',
          '      slos:',
          '        - preset: availability',
          '          target: 0.999',
          '          window: 28d',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        z.object({
          service: z
            .string()
            .min(1)
            .max(63)
            .describe(
              'Catalog name of the service (the SLOs are named after it)',
            ),
          path: z
            .string()
            .min(1)
            .optional()
            .describe(
              'File to write, relative to the workspace (default slos/<service>.yaml)',
            ),
          source: z
            .enum(SLI_SOURCES)
            .default('embedded')
            .describe(
              'Where SLI data comes from: the built-in event store, or Prometheus counters',
            ),
          slos: z
            .array(
              z.object({
                preset: z.enum(SLI_PRESETS),
                target: z.number().describe('Objective as a ratio, e.g. 0.999'),
                window: z
                  .string()
                  .default('28d')
                  .describe('Rolling window, e.g. 7d, 28d, 30d'),
                name: z.string().optional(),
                displayName: z.string().optional(),
                latencyThresholdMs: z.number().int().positive().optional(),
                goodQuery: z.string().optional(),
                totalQuery: z.string().optional(),
              }),
            )
            .min(1)
            .max(10),
          runbook: z
            .string()
            .optional()
            .describe('Runbook id or URL the SLOs and their alerts link to'),
          alerts: z
            .boolean()
            .default(true)
            .describe('Write multiwindow burn-rate alert policies'),
          overwrite: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          path: z
            .string()
            .describe('The file written, relative to the workspace'),
          sloNames: z.array(z.string()),
          alertNames: z.array(z.string()),
        }),
    },
    async handler(ctx) {
      const { input } = ctx;
      const { yaml, definitions } = buildSloFile({
        service: input.service,
        source: input.source ?? 'embedded',
        slos: input.slos.map(slo => ({ ...slo, window: slo.window ?? '28d' })),
        runbook: input.runbook,
        alerts: input.alerts,
      });
      const path = input.path ?? `slos/${input.service}.yaml`;
      await writeWorkspaceFile({
        workspacePath: ctx.workspacePath,
        relativePath: path,
        content: yaml,
        overwrite: input.overwrite,
      });
      ctx.logger.info(
        `Wrote ${definitions.length} SLO(s) of ${input.service} to ${path}`,
      );
      ctx.output('path', path);
      ctx.output(
        'sloNames',
        definitions.map(slo => slo.name),
      );
      ctx.output(
        'alertNames',
        definitions.flatMap(slo => slo.alertPolicies.map(p => p.name)),
      );
    },
  });
}
