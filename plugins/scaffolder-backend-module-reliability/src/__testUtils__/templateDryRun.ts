import { parseEntityRef } from '@backstage/catalog-model';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { validate } from 'jsonschema';
import fs from 'node:fs/promises';
import { createTemplateRenderer } from 'nunjitsu';
import { parse } from 'yaml';

/** One step of a dry run: skipped by its `if`, or run with the rendered input and the outputs it set. */
export interface DryRunStep {
  id: string;
  action: string;
  skipped: boolean;
  input?: JsonObject;
  output: Record<string, unknown>;
}

type AnyAction = TemplateAction<any, any, any>;

function get(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (current, key) =>
        current === null || current === undefined
          ? undefined
          : (current as Record<string, unknown>)[key],
      value,
    );
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/**
 * Runs a template the way the scaffolder's dry run does, with the real actions given: parameters are completed
 * with the form's defaults and validated against each parameter page, every `${{ }}` is rendered with nunjitsu
 * (the scaffolder's template engine) and the `parseEntityRef` and `pick` filters, `if` decides whether a step runs,
 * and each action's input is validated against its schema before its handler runs with `isDryRun` in a mock
 * context. A step whose action is missing or does not support dry runs fails the run.
 */
export async function dryRunTemplate(options: {
  templateFile: string;
  parameters: JsonObject;
  actions: AnyAction[];
  workspacePath: string;
}): Promise<{ steps: DryRunStep[]; output: unknown }> {
  const template = parse(await fs.readFile(options.templateFile, 'utf8'));
  const pages: Array<Record<string, any>> = template.spec.parameters;
  const parameters: JsonObject = { ...options.parameters };
  for (const page of pages) {
    for (const [key, property] of Object.entries<any>(page.properties ?? {})) {
      if (parameters[key] === undefined && property.default !== undefined) {
        parameters[key] = property.default;
      }
    }
    const result = validate(parameters, { ...page, type: 'object' });
    if (!result.valid) {
      throw new Error(
        `Invalid parameters for page '${page.title}': ${result.errors.join(
          ', ',
        )}`,
      );
    }
  }

  const renderer = createTemplateRenderer({
    filters: {
      parseEntityRef: (ref, context) =>
        parseEntityRef(ref as string, context as any) as any,
      pick: (value, key) => get(value, String(key)) as any,
    },
  });
  const context: Record<string, any> = { parameters, steps: {} };
  const render = (value: unknown) =>
    JSON.parse(JSON.stringify(value), (_key, item) => {
      if (typeof item !== 'string') return item;
      try {
        return renderer.renderValue(item, context);
      } catch {
        return item;
      }
    });

  const steps: DryRunStep[] = [];
  for (const step of template.spec.steps) {
    if (step.if !== undefined && !isTruthy(render(step.if))) {
      steps.push({
        id: step.id,
        action: step.action,
        skipped: true,
        output: {},
      });
      continue;
    }
    const action = options.actions.find(a => a.id === step.action);
    if (!action) {
      throw new Error(`Step ${step.id}: no action ${step.action} in the test`);
    }
    if (!action.supportsDryRun) {
      throw new Error(`Step ${step.id}: ${step.action} has no dry run`);
    }
    const input = step.input ? render(step.input) : {};
    if (action.schema?.input) {
      const result = validate(input, action.schema.input);
      if (!result.valid) {
        throw new Error(
          `Step ${step.id}: invalid input to ${
            step.action
          }: ${result.errors.join(', ')}`,
        );
      }
    }
    const output: Record<string, unknown> = {};
    const ctx = {
      ...createMockActionContext({
        input,
        workspacePath: options.workspacePath,
        templateInfo: {
          entityRef: `template:default/${template.metadata.name}`,
          baseUrl: `file://${options.templateFile}`,
        },
      }),
      isDryRun: true,
      output: (name: string | number | symbol, value: unknown) => {
        output[String(name)] = value;
      },
    };
    await action.handler(ctx as any);
    context.steps[step.id] = { output };
    steps.push({
      id: step.id,
      action: step.action,
      skipped: false,
      input,
      output,
    });
  }
  return { steps, output: render(template.spec.output ?? {}) };
}
