import {
  AUTOMATIC_CHECK_IDS,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be lower-case letters, digits and dashes (at most 64)',
  );

const levelSchema = z.strictObject({
  id,
  title: z.string().min(1).max(100),
  description: z.string().max(1000).optional(),
});

const categorySchema = levelSchema;

/** A template that fixes the item: a full `template:<namespace>/<name>` ref and the link text. */
const fixTemplateSchema = z.strictObject({
  templateRef: z
    .string()
    .regex(
      /^template:[a-z0-9][a-z0-9._-]{0,62}\/[a-z0-9][a-z0-9._-]{0,62}$/i,
      'must be a template entity ref with its namespace, e.g. template:default/adopt-slos',
    ),
  title: z.string().min(1).max(200),
});

const itemSchema = z
  .strictObject({
    id,
    title: z.string().min(1).max(200),
    why: z.string().min(1).max(2000),
    level: id,
    category: id,
    weight: z.number().positive().max(10),
    kind: z.enum(['automatic', 'self-assessed']),
    check: z.enum(AUTOMATIC_CHECK_IDS).optional(),
    productionReadiness: z.boolean().optional(),
    allowNotApplicable: z.boolean().optional(),
    fixTemplate: fixTemplateSchema.optional(),
  })
  .refine(item => (item.kind === 'automatic') === (item.check !== undefined), {
    message:
      'automatic items need a `check`; self-assessed items must not have one',
    path: ['check'],
  })
  .refine(item => !(item.kind === 'automatic' && item.allowNotApplicable), {
    message: 'only self-assessed items can be answered "not applicable"',
    path: ['allowNotApplicable'],
  });

/** A complete checklist file (replaces the default). */
export const checklistFileSchema = z.strictObject({
  version: z.string().min(1).max(64),
  title: z.string().min(1).max(200).optional(),
  levels: z.array(levelSchema).min(1).max(10),
  categories: z.array(categorySchema).min(1).max(30),
  items: z.array(itemSchema).min(1).max(300),
});

/** A file extending the default checklist: items replace defaults with the same id or add new ones. */
export const checklistExtensionSchema = z.strictObject({
  version: z.string().min(1).max(64),
  title: z.string().min(1).max(200).optional(),
  levels: z.array(levelSchema).max(10).optional(),
  categories: z.array(categorySchema).max(30).optional(),
  items: z.array(itemSchema).max(300).optional(),
});

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [
    ...new Set(
      values.filter(v => {
        if (seen.has(v)) return true;
        seen.add(v);
        return false;
      }),
    ),
  ];
}

/**
 * Cross-references a checklist: unique ids, every item's level and category exist.
 * Returns the problems found (empty when valid).
 */
export function checklistProblems(checklist: Checklist): string[] {
  const problems: string[] = [];
  for (const [what, values] of [
    ['level', checklist.levels.map(l => l.id)],
    ['category', checklist.categories.map(c => c.id)],
    ['item', checklist.items.map(i => i.id)],
  ] as const) {
    for (const dup of duplicates([...values])) {
      problems.push(`duplicate ${what} id '${dup}'`);
    }
  }
  const levels = new Set(checklist.levels.map(l => l.id));
  const categories = new Set(checklist.categories.map(c => c.id));
  for (const item of checklist.items) {
    if (!levels.has(item.level)) {
      problems.push(`item '${item.id}' has unknown level '${item.level}'`);
    }
    if (!categories.has(item.category)) {
      problems.push(
        `item '${item.id}' has unknown category '${item.category}'`,
      );
    }
  }
  if (levels.has('none')) {
    problems.push(`level id 'none' is reserved (it means "no level reached")`);
  }
  return problems;
}
