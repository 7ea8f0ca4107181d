import { Entity } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { entityOwnerRefs } from '../entityOwners';

/** Names of the entity's owners, for "only members of ... can submit". */
export function ownerNames(entity: Entity): string {
  const owners = entityOwnerRefs(entity).map(ref =>
    humanizeEntityRef(ref, { defaultKind: 'group' }),
  );
  return owners.length > 0 ? owners.join(' or ') : 'its owning team';
}

/** What to tell the user when a submission fails, by HTTP status. */
export function submitErrorMessage(
  error: unknown,
  entity: Entity,
): { kind: 'forbidden' | 'conflict' | 'other'; text: string } {
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  const name = entity.metadata.title ?? entity.metadata.name;
  if (status === 403) {
    return {
      kind: 'forbidden',
      text: `Only members of ${ownerNames(
        entity,
      )} (or reliability admins) can submit assessments for ${name}. Ask one of them to submit.`,
    };
  }
  if (status === 409) {
    return {
      kind: 'conflict',
      text: 'The checklist changed while you were answering. Save a draft, reload the checklist and check the new items before submitting.',
    };
  }
  return {
    kind: 'other',
    text: `The assessment could not be submitted: ${
      (error as Error)?.message ?? String(error)
    }`,
  };
}
