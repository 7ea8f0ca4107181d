import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';

/** Catalog fields the tour reads per entity. */
export const TOUR_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.links',
  'spec.type',
  'spec.owner',
  'spec.system',
  'relations',
];

const lower = (value: string) => value.toLowerCase();

/** Refs of the parts of an entity (its hasPart relations), optionally only of the given kinds. */
export function partRefs(entity: Entity, kinds?: string[]): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === 'hasPart')
    .map(relation => parseEntityRef(relation.targetRef))
    .filter(ref => !kinds || kinds.includes(lower(ref.kind)))
    .map(ref => entityRefKey(ref));
}

/** One entity of the given kinds, read with the caller's credentials; 404 when absent or of another kind. */
export async function loadRoot(
  catalog: CatalogService,
  entityRef: string,
  kinds: string[],
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity || !kinds.includes(lower(entity.kind))) {
    throw new NotFoundError(
      `No ${kinds.join(' or ')} ${entityRef} in the catalog`,
    );
  }
  return entity;
}

/**
 * The entities of a list of refs in ONE `getEntitiesByRefs` call, at most `max` of them (in ref order);
 * refs the caller may not see are left out. `truncated` is set when refs were cut.
 */
export async function loadByRefs(
  catalog: CatalogService,
  refs: string[],
  credentials: BackstageCredentials,
  max: number,
): Promise<{ entities: Entity[]; truncated: boolean }> {
  const unique = [...new Set(refs)].sort();
  const wanted = unique.slice(0, Math.max(0, max));
  if (wanted.length === 0) {
    return { entities: [], truncated: unique.length > 0 };
  }
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: wanted, fields: TOUR_FIELDS },
    { credentials },
  );
  return {
    entities: items.filter((item): item is Entity => Boolean(item)),
    truncated: unique.length > wanted.length,
  };
}
