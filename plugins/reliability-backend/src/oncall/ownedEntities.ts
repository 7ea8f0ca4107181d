import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';

/** Most entities of one team the team view covers. */
export const MAX_OWNED_ENTITIES = 500;
const PAGE_SIZE = 100;
const OWNED_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

/** Values of `spec.owner` that name a group, besides the `relations.ownedBy` relation. */
function ownerSpellings(namespace: string, name: string): string[] {
  const full = `group:${namespace}/${name}`;
  return namespace === 'default' ? [full, `group:${name}`, name] : [full];
}

/**
 * Entities owned by a group (by relation or by `spec.owner`), groups and users excepted, read with the caller's
 * credentials so catalog permissions apply. At most {@link MAX_OWNED_ENTITIES} are read.
 */
export async function ownedEntities(
  catalog: CatalogService,
  groupRef: string,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const group = parseEntityRef(groupRef);
  const namespace = group.namespace.toLowerCase();
  const name = group.name.toLowerCase();
  const entities = new Map<string, Entity>();
  for await (const page of catalogEntityPages(
    catalog,
    {
      filter: [
        { 'relations.ownedBy': entityRefKey(group) },
        { 'spec.owner': ownerSpellings(namespace, name) },
      ],
      fields: OWNED_ENTITY_FIELDS,
      pageSize: PAGE_SIZE,
      maxEntities: MAX_OWNED_ENTITIES,
    },
    credentials,
  )) {
    for (const entity of page) {
      const kind = entity.kind.toLowerCase();
      if (kind === 'group' || kind === 'user') continue;
      entities.set(entityRefKey(entity), entity);
    }
  }
  return [...entities.values()];
}
