import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The key every area of the suite uses for an entity: its ref in normalised form (`kind:namespace/name`,
 * lower case, default namespace spelled out). Summary maps, stores and joins between areas are keyed by it,
 * so it must be computed by this function and nowhere else.
 *
 * @public
 */
export function entityRefKey(
  entityOrRef: Entity | CompoundEntityRef | string,
): string {
  const ref =
    typeof entityOrRef === 'string' ? parseEntityRef(entityOrRef) : entityOrRef;
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}
