import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Largest page requested from the catalog. */
const PAGE_SIZE = 500;

/**
 * Every entity matching `filter`, reduced to `fields`, following the catalog's cursor pagination.
 * Reads with the given credentials, so catalog permission policies apply.
 */
export async function queryAllEntities(
  catalog: CatalogService,
  request: { filter: Record<string, string | string[]>; fields: string[] },
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  let response = await catalog.queryEntities(
    { filter: request.filter, fields: request.fields, limit: PAGE_SIZE },
    { credentials },
  );
  entities.push(...response.items);
  while (response.pageInfo.nextCursor) {
    response = await catalog.queryEntities(
      {
        cursor: response.pageInfo.nextCursor,
        fields: request.fields,
        limit: PAGE_SIZE,
      },
      { credentials },
    );
    entities.push(...response.items);
  }
  return entities;
}
