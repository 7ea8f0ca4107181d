import { parseEntityRef } from '@backstage/catalog-model';
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
