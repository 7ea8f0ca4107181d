import {
  OVERVIEW_MAX_LIMIT,
  reliabilityStateOf,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import { defineAction, READ_ONLY } from './defineAction';
import { personOutput, personSchema } from './onCallOutput';
import { ServiceOverviewReader } from './sources';

/** Services examined at most (overview pages of {@link OVERVIEW_MAX_LIMIT}); beyond, `truncated` is set. */
export const MAX_EXAMINED_SERVICES = 2000;

const DESCRIPTION = `
Lists the services whose SLOs are in trouble, worst first: "breaching" (a page-level burn-rate alert fires or the
error budget is exhausted) before "at-risk" (a ticket-level alert fires or less than a quarter of the budget is
left). Use it for "what is on fire?", "which payments services are at risk?" or a weekly reliability review.

Filters (all optional, the same as the portal's overview page): team (owner entity ref such as
"group:default/checkout-payments"), system, domain, tier (e.g. "tier-1"), level (maturity level, e.g. "bronze"),
q (free text over name, title, owner and system). Services without SLOs or SLO data are not listed.
Each service comes with its worst error budget left (ratio; negative = overspent), the alert firing, who is on
call now, and stale=true when its SLO data is the last known (provider failing). Only services the caller may
see are examined; truncated=true means more services matched than were examined.
`.trim();

const filterText = (zod: typeof import('zod/v3').z, what: string) =>
  zod.string().trim().min(1).max(200).optional().describe(what);
const nameLike = (zod: typeof import('zod/v3').z, what: string) =>
  zod
    .string()
    .regex(/^[A-Za-z0-9._-]{1,63}$/)
    .optional()
    .describe(what);

/** `breaching` or `at-risk` (the overview's reliability state), null for a service that is neither. */
function riskOf(row: ServiceOverviewRow): 'breaching' | 'at-risk' | null {
  const state = reliabilityStateOf(row.slo);
  return state === 'breaching' || state === 'at-risk' ? state : null;
}

function severity(row: ServiceOverviewRow): number {
  return riskOf(row) === 'breaching' ? 0 : 1;
}

/** `list-services-at-risk`: breaching and at-risk services of the overview, filtered like the overview. */
export function createListServicesAtRiskAction(deps: {
  overview: ServiceOverviewReader;
}) {
  return defineAction({
    name: 'list-services-at-risk',
    title: 'List services at risk',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          team: filterText(z, 'Owner entity ref, e.g. group:default/payments'),
          system: filterText(z, 'System entity ref or name'),
          domain: filterText(z, 'Domain entity ref or name'),
          tier: nameLike(z, 'Tier, e.g. tier-1'),
          level: nameLike(
            z,
            'Maturity level, e.g. bronze; "none" below the first',
          ),
          q: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .optional()
            .describe('Free text over name, title, owner and system'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(OVERVIEW_MAX_LIMIT)
            .default(20)
            .describe('Most services returned (default 20)'),
        }),
      output: z =>
        z.object({
          services: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              owner: z.string().nullable(),
              system: z.string().nullable(),
              tier: z.string().nullable(),
              state: z.enum(['breaching', 'at-risk']),
              worstBudgetRemaining: z.number().nullable(),
              alerting: z.enum(['page', 'ticket']).nullable(),
              stale: z.boolean(),
              onCall: personSchema(z).nullable(),
            }),
          ),
          atRiskCount: z.number(),
          examined: z.number(),
          truncated: z.boolean(),
          unavailable: z
            .array(z.string())
            .describe(
              'Reliability areas not installed (their data is missing)',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { limit, ...filters } = input;
      const pages = deps.overview.pages(
        {
          limit: OVERVIEW_MAX_LIMIT,
          offset: 0,
          filters: { ...filters, sort: 'name', order: 'asc' },
        },
        credentials,
        MAX_EXAMINED_SERVICES,
      );
      const atRisk: ServiceOverviewRow[] = [];
      const unavailable = new Set<string>();
      let examined = 0;
      let truncated = false;
      for await (const page of pages) {
        examined += page.items.length;
        page.unavailable.forEach(area => unavailable.add(area));
        atRisk.push(...page.items.filter(row => riskOf(row) !== null));
        truncated = Boolean(page.pageInfo.nextCursor);
      }
      atRisk.sort(
        (a, b) =>
          severity(a) - severity(b) ||
          (a.slo?.worstBudgetRemaining ?? 1) -
            (b.slo?.worstBudgetRemaining ?? 1) ||
          a.entityRef.localeCompare(b.entityRef),
      );
      return {
        output: {
          services: atRisk.slice(0, limit).map(row => ({
            entityRef: row.entityRef,
            title: row.title ?? row.name,
            owner: row.owner,
            system: row.system,
            tier: row.tier,
            state: riskOf(row) ?? 'at-risk',
            worstBudgetRemaining: row.slo?.worstBudgetRemaining ?? null,
            alerting: row.slo?.alerting ?? null,
            stale: row.slo?.stale ?? false,
            onCall: row.onCall?.primary
              ? personOutput(row.onCall.primary)
              : null,
          })),
          atRiskCount: atRisk.length,
          examined,
          truncated,
          unavailable: [...unavailable],
        },
      };
    },
  });
}
