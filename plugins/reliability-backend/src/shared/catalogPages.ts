import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  EntityFilterQuery,
  QueryEntitiesInitialRequest,
} from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Default page size asked of the catalog. */
const DEFAULT_PAGE_SIZE = 500;

/** What to read from the catalog: a filter (an array matches any of its filters) and the fields to keep. */
export interface CatalogScan {
  filter?: EntityFilterQuery;
  fields?: string[];
  pageSize?: number;
  /** Stop once this many entities have been read. */
  maxEntities?: number;
  /** Called when the walk stopped at `maxEntities` with entities left in the catalog (no page of them is read). */
  onCapped?: () => void;
}

/**
 * Pages of the entities matching `scan`, following the catalog's cursor pagination, read with the given
 * credentials (so catalog permission policies apply), without the catalog's count of the matches. Lets a
 * background job work through the catalog one page at a time instead of holding every entity in memory.
 */
export async function* catalogEntityPages(
  catalog: CatalogService,
  scan: CatalogScan,
  credentials: BackstageCredentials,
): AsyncGenerator<Entity[]> {
  const limit = scan.pageSize ?? DEFAULT_PAGE_SIZE;
  const max = scan.maxEntities ?? Number.POSITIVE_INFINITY;
  let read = 0;
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit, fields: scan.fields }
        : {
            filter: scan.filter,
            limit,
            fields: scan.fields,
            // A walk never needs the count, and counting is a query of its own over every match (on SQLite it runs
            // on the event loop; its cost per walk was not measured apart).
            totalItems: 'exclude',
          },
      { credentials },
    );
    const items = page.items.slice(0, max - read);
    read += items.length;
    cursor = page.pageInfo.nextCursor;
    if (read >= max && (cursor || items.length < page.items.length)) {
      scan.onCapped?.();
    }
    if (items.length > 0) {
      yield items;
    }
  } while (cursor && read < max);
}

/** Every entity matching `scan` (see {@link catalogEntityPages}). */
export async function queryAllEntities(
  catalog: CatalogService,
  scan: CatalogScan,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of catalogEntityPages(catalog, scan, credentials)) {
    entities.push(...page);
  }
  return entities;
}

/**
 * How many entities match `query`'s filter (and full-text filter) for `credentials`: the catalog's count alone, no
 * page of rows (`limit: 0`).
 */
export async function countEntities(
  catalog: CatalogService,
  query: Pick<QueryEntitiesInitialRequest, 'filter' | 'fullTextFilter'>,
  credentials: BackstageCredentials,
): Promise<number> {
  const { totalItems } = await catalog.queryEntities(
    { ...query, limit: 0, totalItems: 'include' },
    { credentials },
  );
  return totalItems;
}
