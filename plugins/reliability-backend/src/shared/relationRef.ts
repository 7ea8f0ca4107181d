import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';

/**
 * A relation written in an entity's spec (`spec.owner`, `spec.system`, `spec.domain`, possibly shorthand such as
 * `team-a`) as a normalised entity ref, resolved against the entity's namespace; undefined when missing or invalid.
 */
export function relationRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return entityRefKey(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The normalised ref of an entity's owner as written in `spec.owner` (a Group unless the ref names another kind),
 * resolved against the entity's namespace; undefined when missing or invalid.
 */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  return typeof owner === 'string' && owner.trim()
    ? relationRef(owner, 'group', entity.metadata.namespace ?? 'default')
    : undefined;
}
