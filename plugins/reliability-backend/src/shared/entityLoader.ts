import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';

const NAME_PART = /^[A-Za-z0-9._-]{1,253}$/;

/** Route params `/:kind/:namespace/:name` of an entity. */
export interface EntityRouteParams {
  kind: string;
  namespace: string;
  name: string;
}

/** Builds a normalised entity ref from route params, rejecting malformed parts with a 400. */
export function entityRefFromParams(params: EntityRouteParams): string {
  for (const [key, value] of Object.entries(params)) {
    if (!NAME_PART.test(value ?? '')) {
      throw new InputError(`Invalid entity ${key} '${value}'`);
    }
  }
  return entityRefKey({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  });
}

/**
 * Loads one entity on behalf of the caller, so catalog permission policies apply to reads.
 * A missing (or invisible) entity is a 404.
 */
export async function loadEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  return entity;
}
