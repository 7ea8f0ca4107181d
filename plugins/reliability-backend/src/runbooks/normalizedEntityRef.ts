import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** The entity's ref in the suite's normalised form (`kind:namespace/name`, lower case). */
export function normalizedEntityRef(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}
