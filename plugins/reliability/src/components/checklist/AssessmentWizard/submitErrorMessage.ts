import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  getEntityRelations,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';

/** Names of the entity's owners, for "only members of ... can submit". */
export function ownerNames(entity: Entity): string {
  const owners = getEntityRelations(entity, RELATION_OWNED_BY).map(ref =>
    humanizeEntityRef(ref, { defaultKind: 'group' }),
  );
  if (owners.length > 0) return owners.join(' or ');
  return typeof entity.spec?.owner === 'string'
    ? entity.spec.owner
    : 'its owner';
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
      )} can submit assessments for ${name}. Your answers are kept: save them as a draft and ask an owner to submit.`,
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
