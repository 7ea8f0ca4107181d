import { Checklist } from '@internal/backstage-plugin-reliability-common';
import { promises as fs } from 'fs';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  checklistExtensionSchema,
  checklistFileSchema,
  checklistProblems,
} from './checklistSchema';
import { defaultChecklist } from './defaultChecklist';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function mergeById<T extends { id: string }>(base: T[], extra: T[]): T[] {
  const extraById = new Map(extra.map(e => [e.id, e]));
  const merged = base.map(b => extraById.get(b.id) ?? b);
  const baseIds = new Set(base.map(b => b.id));
  return [...merged, ...extra.filter(e => !baseIds.has(e.id))];
}

/**
 * Builds the checklist from parsed YAML: either a full replacement or an extension of `base`
 * (levels, categories and items with an existing id replace it; new ones are appended).
 * Throws an Error naming the file and every problem.
 */
export function checklistFromDocument(
  document: unknown,
  options: { extend: boolean; source: string; base?: Checklist },
): Checklist {
  const base = options.base ?? defaultChecklist;
  let checklist: Checklist;
  if (options.extend) {
    const result = checklistExtensionSchema.safeParse(document);
    if (!result.success) {
      throw new Error(
        `Invalid checklist extension ${options.source}: ${describeIssues(
          result.error,
        )}`,
      );
    }
    const ext = result.data;
    checklist = {
      version: `${base.version}+${ext.version}`,
      title: ext.title ?? base.title,
      levels: mergeById(base.levels, ext.levels ?? []),
      categories: mergeById(base.categories, ext.categories ?? []),
      items: mergeById(base.items, ext.items ?? []),
    };
  } else {
    const result = checklistFileSchema.safeParse(document);
    if (!result.success) {
      throw new Error(
        `Invalid checklist ${options.source}: ${describeIssues(result.error)}`,
      );
    }
    checklist = { title: 'Reliability maturity', ...result.data };
  }
  const problems = checklistProblems(checklist);
  if (problems.length > 0) {
    throw new Error(
      `Invalid checklist ${options.source}: ${problems.join('; ')}`,
    );
  }
  return checklist;
}

/**
 * The checklist in force: the default one, or the organisation's file (`reliability.checklist.file`,
 * relative to the backend's working directory) replacing or extending it.
 */
export async function loadChecklist(options: {
  file?: string;
  extend: boolean;
}): Promise<Checklist> {
  if (!options.file) {
    return defaultChecklist;
  }
  let text: string;
  try {
    text = await fs.readFile(options.file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read reliability.checklist.file '${options.file}': ${
        (error as Error).message
      }`,
    );
  }
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new Error(
      `reliability.checklist.file '${options.file}' is not valid YAML: ${
        (error as Error).message
      }`,
    );
  }
  return checklistFromDocument(document, {
    extend: options.extend,
    source: `'${options.file}'`,
  });
}
