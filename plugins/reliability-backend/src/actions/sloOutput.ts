import {
  EntitySlo,
  formatBudgetRemaining,
  SloDefinitionProblem,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod/v3';

/** One SLO with its error budget and alert state in an action's output. */
export function sloSchema(zod: typeof z) {
  return zod.object({
    name: zod.string(),
    title: zod.string(),
    description: zod.string().nullable(),
    target: zod.number().describe('Objective as a ratio, e.g. 0.999'),
    window: zod.string().describe('SLO window, e.g. "28d" or "1M"'),
    attainment: zod
      .number()
      .nullable()
      .describe(
        'Share of good events over the window (ratio); null without data',
      ),
    budgetRemaining: zod
      .number()
      .nullable()
      .describe(
        'Share of the error budget left: 1 untouched, 0 exhausted, negative overspent; null without data',
      ),
    budget: zod
      .string()
      .describe('The budget in words, e.g. "42.5% left" or "exhausted"'),
    alertState: zod
      .enum(['page', 'ticket', 'ok', 'unknown'])
      .describe(
        'Most severe burn-rate alert firing now: "page" wakes someone up, "ticket" needs attention this week',
      ),
    firingAlerts: zod.array(zod.string()),
    timeToExhaustionSeconds: zod.number().nullable(),
    stale: zod
      .boolean()
      .describe(
        'The last collection failed: the numbers are the last good data',
      ),
    error: zod.string().nullable(),
    collectedAt: zod.string().nullable(),
  });
}

/** SLO output of an action. */
export type SloOutput = z.infer<ReturnType<typeof sloSchema>>;

/** One SLO of an entity as an action outputs it. */
export function sloOutput({ definition, status }: EntitySlo): SloOutput {
  return {
    name: definition.name,
    title: definition.displayName ?? definition.name,
    description: definition.description ?? null,
    target: Math.max(...definition.objectives.map(o => o.target)),
    window: definition.window.label,
    attainment: status?.attainment ?? null,
    budgetRemaining: status?.budgetRemaining ?? null,
    budget: formatBudgetRemaining(status?.budgetRemaining),
    alertState: status?.alertState ?? 'unknown',
    firingAlerts: (status?.alerts ?? [])
      .filter(alert => alert.firing)
      .map(alert => alert.name),
    timeToExhaustionSeconds: status?.timeToExhaustionSeconds ?? null,
    stale: status?.stale ?? false,
    error: status?.error ?? null,
    collectedAt: status?.collectedAt ?? null,
  };
}

/** A problem of an entity's SLO definitions in one line. */
export function sloProblemText(problem: SloDefinitionProblem): string {
  const where = [problem.source, problem.document, problem.path]
    .filter(Boolean)
    .join(' ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
