import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { countEntities } from '../shared/catalogPages';
import {
  buildServiceCatalogQuery,
  SERVICE_FIELDS,
  ServiceCatalogQuery,
} from './catalogQuery';
import { OverviewRequest } from './overviewQuery';
import { ServicePage } from './servicePage';
import { listingOf, loadSystemDomains, systemRefOf } from './serviceRows';
import { loadSummaries, OverviewSources } from './sources';

/**
 * A page of the catalog's query for the filters: ONE `queryEntities` for the page (plus one for a domain
 * filter's systems), and on the first page the count in a second `queryEntities`, in parallel (see
 * {@link countServices}); then ONE `getEntitiesByRefs` for the systems' domains (none with a
 * domain filter) while the summaries load. Later pages follow the catalog's own cursor (keyset paging) when the
 * overview cursor carries it, else read by offset.
 */
export async function loadCatalogServicePage(options: {
  catalog: CatalogService;
  sources: OverviewSources;
  request: OverviewRequest;
  credentials: BackstageCredentials;
}): Promise<ServicePage | null> {
  const { catalog, sources, request, credentials } = options;
  const { limit, filters, offset, catalogCursor } = request;
  let domains: Map<string, string> | undefined;
  let response;
  let totalItems = request.totalItems;
  if (catalogCursor) {
    response = await catalog.queryEntities(
      { cursor: catalogCursor, fields: SERVICE_FIELDS, limit },
      { credentials },
    );
  } else {
    const catalogQuery = await buildServiceCatalogQuery({
      filters,
      catalog,
      credentials,
    });
    if (!catalogQuery) {
      return null;
    }
    domains = catalogQuery.systemDomains;
    const [page, count] = await Promise.all([
      catalog.queryEntities(
        {
          filter: catalogQuery.filter,
          orderFields: catalogQuery.orderFields,
          fullTextFilter: catalogQuery.fullTextFilter,
          fields: SERVICE_FIELDS,
          limit,
          offset,
          totalItems: 'exclude',
        },
        { credentials },
      ),
      totalItems === undefined
        ? countServices(catalog, catalogQuery, credentials)
        : totalItems,
    ]);
    response = page;
    totalItems = count;
  }
  const entities = response.items;
  const summaries = loadSummaries(
    sources,
    entities.map(e => entityRefKey(e)),
  );
  summaries.catch(() => undefined);
  const systemRefs = entities
    .map(systemRefOf)
    .filter((ref): ref is string => ref !== null);
  const known = domains;
  const systemDomains =
    known && systemRefs.every(ref => known.has(ref))
      ? known
      : await loadSystemDomains(catalog, systemRefs, credentials);
  const hasMore = Boolean(response.pageInfo.nextCursor);
  return {
    listings: entities.map(entity => listingOf(entity, systemDomains)),
    totalItems: totalItems ?? response.totalItems,
    // The catalog says whether more follow (it reads one row past the page).
    examined: hasMore ? entities.length : 0,
    span: limit,
    catalogCursor: response.pageInfo.nextCursor,
    summaries,
  };
}

/**
 * How many services match the filters: the catalog's count of the query WITHOUT the sort field (and no page of
 * rows, `limit: 0`). The catalog's count of a sorted query also checks that every entity has the sort field,
 * which costs about three times as much (PostgreSQL, 100,000 services: ~380 ms against ~120 ms). Services
 * without an owner, system or tier are then counted though a sort by that field does not list them (as in the
 * catalog); with the default sort by name the two counts are the same.
 */
function countServices(
  catalog: CatalogService,
  catalogQuery: ServiceCatalogQuery,
  credentials: BackstageCredentials,
): Promise<number> {
  return countEntities(
    catalog,
    {
      filter: catalogQuery.filter,
      fullTextFilter: catalogQuery.fullTextFilter,
    },
    credentials,
  );
}
