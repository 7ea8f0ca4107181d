import {
  CAMPAIGN_STATUSES,
  CampaignInput,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

/** Campaign ids: lower-case letters, digits and dashes (UUIDs fit). */
export const campaignIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be lower-case letters, digits and dashes (at most 64)',
  );

const itemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a checklist item or level id');

const filterValues = (value: z.ZodString) => z.array(value).max(100).optional();

const entityRef = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[a-z0-9._-]+:[a-z0-9._-]+\/[a-z0-9._-]+$/i, {
    message: 'must be an entity ref such as group:default/team-a',
  });

const campaignShape = {
  name: z.string().trim().min(1).max(200),
  why: z.string().trim().min(1).max(4000),
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('level'), level: itemId }),
    z.strictObject({
      kind: z.literal('items'),
      itemIds: z.array(itemId).min(1).max(100),
    }),
  ]),
  scope: z.strictObject({
    tiers: filterValues(z.string().min(1).max(64)),
    owners: filterValues(entityRef),
    systems: filterValues(entityRef),
    domains: filterValues(entityRef),
    lifecycles: filterValues(z.string().min(1).max(64)),
  }),
  startDate: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }),
  dueDate: z.iso.date({ error: 'must be a date (YYYY-MM-DD)' }),
  status: z.enum(CAMPAIGN_STATUSES),
};

const dueAfterStart = {
  check: (c: { startDate: string; dueDate: string }) =>
    c.dueDate >= c.startDate,
  params: { message: 'must not be before startDate', path: ['dueDate'] },
};

/** A campaign as written in a request body (target ids are checked against the checklist later). */
export const campaignInputSchema = z
  .strictObject(campaignShape)
  .refine(dueAfterStart.check, dueAfterStart.params);

/** A campaigns-as-code file: `campaigns:` with an `id` each; `status` defaults to `active`. */
export const campaignFileSchema = z.strictObject({
  campaigns: z
    .array(
      z
        .strictObject({
          id: campaignIdSchema,
          ...campaignShape,
          status: z.enum(CAMPAIGN_STATUSES).default('active'),
        })
        .refine(dueAfterStart.check, dueAfterStart.params),
    )
    .max(500),
});

/**
 * Problems of a campaign against the checklist in force: a target level that does not exist, unknown items.
 * Empty when it is fine.
 */
export function campaignTargetProblems(
  input: Pick<CampaignInput, 'target'>,
  checklist: Checklist,
): string[] {
  const { target } = input;
  if (target.kind === 'level') {
    return checklist.levels.some(l => l.id === target.level)
      ? []
      : [
          `target.level: no level '${
            target.level
          }' in the checklist (${checklist.levels.map(l => l.id).join(', ')})`,
        ];
  }
  const known = new Set(checklist.items.map(i => i.id));
  return target.itemIds
    .filter(id => !known.has(id))
    .map(id => `target.itemIds: no item '${id}' in the checklist`);
}

/** Query of `GET /campaigns`. */
export const campaignsQuerySchema = z.strictObject({
  status: z.enum([...CAMPAIGN_STATUSES, 'all']).default('active'),
});
