import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { getEntityRelations } from '@backstage/plugin-catalog-react';

/** The entity's owners: its `ownedBy` relations, else `spec.owner` (a group by default); empty when unknown. */
export function entityOwnerRefs(entity: Entity): CompoundEntityRef[] {
  const related = getEntityRelations(entity, RELATION_OWNED_BY);
  if (related.length > 0) return related;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.length === 0) return [];
  try {
    return [
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ];
  } catch {
    return [];
  }
}
