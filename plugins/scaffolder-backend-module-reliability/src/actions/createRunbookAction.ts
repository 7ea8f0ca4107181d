import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { RunbookActionInput, RunbookActionOutput } from './actionTypes';
import { RUNBOOK_KINDS } from '@internal/backstage-plugin-reliability-common';
import {
  RUNBOOK_ID_PATTERN,
  runbookIdOf,
  runbookMarkdown,
} from '../runbooks/runbookMarkdown';
import { writeWorkspaceFile } from '../workspaceFiles';

/** Id of the action. */
export const CREATE_RUNBOOK_ACTION_ID = 'reliability:runbook:create';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `reliability:runbook:create`: writes a runbook, rollback, postmortem or pre-mortem skeleton (Markdown with the
 * front matter the runbooks area reads) to the workspace.
 *
 * @public
 */
export function createRunbookAction(
  options: { now?: () => Date } = {},
): TemplateAction<RunbookActionInput, RunbookActionOutput, 'v2'> {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: CREATE_RUNBOOK_ACTION_ID,
    description:
      'Writes a runbook, rollback, postmortem or pre-mortem skeleton with reliability front matter to the workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'A postmortem answering the SLO it breached',
        example: [
          'steps:',
          '  - id: postmortem',
          '    action: reliability:runbook:create',
          '    input:',
          '      kind: postmortem',
          "      title: 'Postmortem: checkout errors on 2026-11-28'",
          '      service: checkout-api',
          '      answers: [checkout-api-availability]',
        ].join('\n'),
      },
    ],
    schema: {
      input: z =>
        z.object({
          kind: z.enum(RUNBOOK_KINDS).default('runbook'),
          title: z.string().trim().min(1).max(200),
          id: z
            .string()
            .optional()
            .describe('Runbook id (default: derived from the title)'),
          path: z
            .string()
            .min(1)
            .optional()
            .describe(
              'File to write, relative to the workspace (default runbooks/<id>.md)',
            ),
          answers: z
            .array(z.string().trim().min(1).max(200))
            .max(100)
            .default([])
            .describe('SLO and alert names the document answers'),
          owner: z.string().max(200).optional(),
          lastReviewed: z
            .string()
            .optional()
            .describe('YYYY-MM-DD (default today)'),
          service: z.string().max(200).optional(),
          incidentDate: z.string().max(100).optional(),
          severity: z.string().max(100).optional(),
          summary: z.string().max(4000).optional(),
          event: z.string().max(200).optional(),
          eventDate: z.string().max(100).optional(),
          overwrite: z.boolean().default(false),
        }),
      output: z =>
        z.object({
          path: z
            .string()
            .describe('The file written, relative to the workspace'),
          id: z.string(),
        }),
    },
    async handler(ctx) {
      const { input } = ctx;
      const id = input.id ?? runbookIdOf(input.title);
      if (!RUNBOOK_ID_PATTERN.test(id)) {
        throw new InputError(
          `Invalid runbook id '${id}': 1-100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit`,
        );
      }
      const lastReviewed =
        input.lastReviewed ?? now().toISOString().slice(0, 10);
      if (!DATE.test(lastReviewed)) {
        throw new InputError(
          `Invalid lastReviewed '${lastReviewed}': a date written as YYYY-MM-DD`,
        );
      }
      const path = input.path ?? `runbooks/${id}.md`;
      await writeWorkspaceFile({
        workspacePath: ctx.workspacePath,
        relativePath: path,
        content: runbookMarkdown({
          ...input,
          kind: input.kind ?? 'runbook',
          answers: input.answers ?? [],
          id,
          lastReviewed,
        }),
        overwrite: input.overwrite,
      });
      ctx.logger.info(`Wrote ${input.kind} '${input.title}' to ${path}`);
      ctx.output('path', path);
      ctx.output('id', id);
    },
  });
}
