import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/** A Group ref as a request names it: `group:default/sre` (the kind may be left out). */
const groupRef = z
  .string()
  .trim()
  .min(1)
  .max(512)
  .refine(
    value => {
      try {
        return (
          parseEntityRef(value, {
            defaultKind: 'group',
          }).kind.toLowerCase() === 'group'
        );
      } catch {
        return false;
      }
    },
    { message: 'must be a Group entity ref such as group:default/sre' },
  )
  .transform(value => {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return `${ref.kind}:${ref.namespace}/${ref.name}`;
  });

/** Body of `PUT /learning/progress`: the item, and whether it is done (true) or not (false). */
export const learningProgressBodySchema = z.strictObject({
  group: groupRef,
  itemId: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
      message: 'must be the id of an item of the path',
    }),
  done: z.boolean(),
});
