import { z } from 'zod';

/**
 * Query of the group views (`?owner=`): an optional group ref such as `group:default/team-a`, `default/team-a`
 * or `team-a`. Used with `parseInput`.
 */
export const ownerQuerySchema = z
  .object({
    owner: z
      .string()
      .regex(/^(group:)?([A-Za-z0-9._-]{1,253}\/)?[A-Za-z0-9._-]{1,253}$/, {
        message: 'must be a group ref such as group:default/team-a',
      })
      .optional(),
  })
  .strict();
