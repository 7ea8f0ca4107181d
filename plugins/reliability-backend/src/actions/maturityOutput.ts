import {
  Checklist,
  EntityMaturity,
  itemsToFix,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod/v3';

/** Items listed under "what to fix next". */
export const FIX_NEXT_LIMIT = 5;

/** Maturity level and what to fix next in an action's output. */
export function maturitySchema(zod: typeof z) {
  return zod.object({
    level: zod
      .string()
      .describe('Highest maturity level reached; "none" below the first level'),
    score: zod.number().nullable().describe('Weighted score 0..100'),
    nextLevel: zod.string().nullable(),
    productionReady: zod.boolean(),
    fixNext: zod
      .array(
        zod.object({
          itemId: zod.string(),
          title: zod.string(),
          category: zod.string(),
          status: zod.string(),
          blocksNextLevel: zod.boolean(),
          reason: zod.string(),
          template: zod
            .object({ templateRef: zod.string(), title: zod.string() })
            .nullable()
            .describe(
              'A software template of the portal that fixes the item (Create > choose it; the service is its input)',
            ),
        }),
      )
      .describe(
        'Checklist items worth fixing first: blockers of the next level, then the items losing the most weight',
      ),
  });
}

/** Maturity output of an action. */
export type MaturityOutput = z.infer<ReturnType<typeof maturitySchema>>;

/**
 * The maturity of an entity as an action outputs it. The template fixing an item is the item's `fixTemplate` in
 * the checklist in force (the one place that maps items to templates, also read by the frontend).
 */
export function maturityOutput(
  maturity: Omit<EntityMaturity, 'canSubmit'>,
  checklist: Pick<Checklist, 'items'>,
): MaturityOutput {
  const { explanation } = maturity;
  const blocking = new Set(explanation.blockingNextLevel);
  const templates = new Map(
    checklist.items.map(item => [item.id, item.fixTemplate]),
  );
  return {
    level: explanation.level,
    score: explanation.score,
    nextLevel: explanation.nextLevel,
    productionReady: explanation.productionReadiness.ready,
    fixNext: itemsToFix(explanation, FIX_NEXT_LIMIT).map(item => ({
      itemId: item.itemId,
      title: item.title,
      category: item.category,
      status: item.status,
      blocksNextLevel: blocking.has(item.itemId),
      reason: item.reason,
      template: templates.get(item.itemId) ?? null,
    })),
  };
}
