import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RUNBOOK_ENTITY_FILTER } from '../RunbookRefresher';

/** Entities per page of search documents, unless the caller asks for another size. */
export const DEFAULT_SEARCH_PAGE_SIZE = 50;
/** Most entities per page of search documents (each may have several runbooks and SLOs). */
export const MAX_SEARCH_PAGE_SIZE = 200;
/** Longest accepted cursor (the catalog's opaque cursor, passed through). */
export const MAX_SEARCH_CURSOR_LENGTH = 4096;

/** One page of the entities that can have search documents, and the cursor of the next page. */
export interface SearchEntityPage {
  entities: Entity[];
  nextCursor: string | null;
}

/**
 * Reads one page of the entities that can have runbooks or SLOs (the runbook index's filter), with the
 * caller's credentials, so the catalog's permission policy decides which entities a user sees. The cursor is
 * the catalog's own; one the catalog rejects is a 400.
 */
export async function readSearchEntityPage(
  catalog: CatalogService,
  page: { cursor?: string; limit: number },
  credentials: BackstageCredentials,
): Promise<SearchEntityPage> {
  const { cursor, limit } = page;
  try {
    const response = await catalog.queryEntities(
      cursor
        ? { cursor, limit }
        : { filter: RUNBOOK_ENTITY_FILTER, limit, totalItems: 'exclude' },
      { credentials },
    );
    return {
      entities: response.items,
      nextCursor: response.pageInfo.nextCursor ?? null,
    };
  } catch (error) {
    if (
      cursor &&
      (error instanceof InputError ||
        (error instanceof ResponseError && error.statusCode === 400))
    ) {
      throw new InputError(`Invalid cursor: ${error.message}`);
    }
    throw error;
  }
}
