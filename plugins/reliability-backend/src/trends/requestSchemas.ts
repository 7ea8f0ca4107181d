import { parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  TREND_SCOPES,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

/** Kinds an entity ref may have for each scope (`entity`: any kind). */
const KINDS: Record<string, string[] | undefined> = {
  team: ['group', 'user'],
  system: ['system'],
  domain: ['domain'],
};

const REF =
  /^[A-Za-z0-9._-]{1,63}:([A-Za-z0-9._-]{1,253}\/)?[A-Za-z0-9._-]{1,253}$/;

/** Query of `GET /trends`: a scope, its entity ref (not for `org`) and how many days back (1-1000, default 90). */
export const seriesQuerySchema = z
  .strictObject({
    scope: z.enum(TREND_SCOPES),
    ref: z
      .string()
      .max(600)
      .regex(REF, {
        message: 'must be an entity ref such as group:default/team-a',
      })
      .optional(),
    days: z.coerce.number().int().min(1).max(1000).default(90),
  })
  .superRefine((query, ctx) => {
    if (query.scope === 'org') {
      if (query.ref !== undefined && query.ref !== 'org') {
        ctx.addIssue({
          code: 'custom',
          path: ['ref'],
          message: 'must be left out for the org scope',
        });
      }
      return;
    }
    if (query.ref === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ref'],
        message: `is required for the ${query.scope} scope`,
      });
      return;
    }
    const kinds = KINDS[query.scope];
    const kind = query.ref.split(':')[0].toLowerCase();
    if (kinds && !kinds.includes(kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ref'],
        message: `must be a ${kinds.join(' or ')} ref for the ${
          query.scope
        } scope`,
      });
    }
  })
  .transform(query => ({
    scope: query.scope,
    days: query.days,
    ref:
      query.scope === 'org'
        ? 'org'
        : entityRefKey(
            parseEntityRef(query.ref!, { defaultNamespace: 'default' }),
          ),
  }));

/** Query of `GET /trends/leaderboard`: how many teams each ranking lists (1-100, default 10). */
export const leaderboardQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
