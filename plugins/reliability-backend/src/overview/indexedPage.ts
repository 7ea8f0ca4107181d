import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { buildServiceCatalogQuery, SERVICE_FIELDS } from './catalogQuery';
import { OverviewFilters } from './overviewQuery';
import { EntityRefPageQuery } from './sources';

/**
 * Index entries one page examines when `level` or `policy` is combined with other filters (which then apply to
 * those entries only, so the page may hold fewer rows than asked for).
 */
export const INDEX_SCAN_WITH_FILTERS = 500;

/** One page of the `level` or `policy` filter: services in ref order and where the next page starts in the index. */
export interface IndexedPage {
  entities: Entity[];
  /** Index entries this page examined (the cursor's offset advances by this much). */
  examined: number;
  /** Services in the index entry (level or state; before visibility and other filters); undefined when not counted. */
  totalItems?: number;
  /** Index entries examined per page (for the previous page's offset). */
  pageSpan: number;
  /** Domains of the systems the domain filter allows (`ServiceCatalogQuery.systemDomains`). */
  systemDomains?: Map<string, string>;
}

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLocaleLowerCase('en-US') : '';

/** The catalog's full-text filter on the overview's fields, applied to the examined services. */
function matchesText(entity: Entity, term: string): boolean {
  const needle = lower(term);
  return [
    entity.metadata.name,
    entity.metadata.title,
    entity.spec?.owner,
    entity.spec?.system,
  ].some(value => lower(value).includes(needle));
}

/** An index of reliability data (maturity level, policy state): one page of entity refs of a kind, by ref. */
export type EntityRefIndex = (
  query: EntityRefPageQuery,
) => Promise<{ entityRefs: string[]; totalItems?: number }>;

/**
 * Pages over an index of reliability data (the maturity level index for `level`, the policy state index for
 * `policy`) instead of the catalog: ONE indexed query for the refs (ordered by ref, plus a count on the first
 * page), then ONE `getEntitiesByRefs` with the overview's fields and the other catalog filters (team, system,
 * domain, tier) for those refs. Services the caller may not see, or that other filters exclude, come back null
 * and are dropped, so a page may be shorter than `limit`.
 * Alone, the index filter examines `limit` index entries per page; combined with other filters, at most
 * {@link INDEX_SCAN_WITH_FILTERS}, of which the first `limit` matches are returned.
 */
export async function loadIndexedPage(options: {
  filters: OverviewFilters;
  offset: number;
  limit: number;
  includeTotal: boolean;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  index: EntityRefIndex;
  /**
   * Called with the refs read from the index when they are the page (the index filter alone), before the
   * catalog is asked for them, so the caller can read their summaries at the same time.
   */
  onPageRefs?: (entityRefs: string[]) => void;
}): Promise<IndexedPage | null> {
  const { filters, offset, limit, includeTotal, catalog, credentials } =
    options;
  const catalogQuery = await buildServiceCatalogQuery({
    filters,
    catalog,
    credentials,
  });
  if (!catalogQuery) {
    return null;
  }
  const combined =
    Boolean(filters.q) || Object.keys(catalogQuery.filter).length > 1;
  const pageSpan = combined ? Math.max(limit, INDEX_SCAN_WITH_FILTERS) : limit;
  const { entityRefs, totalItems } = await options.index({
    kind: 'component',
    order: filters.order,
    offset,
    limit: pageSpan,
    includeTotal,
  });
  if (entityRefs.length === 0) {
    return { entities: [], examined: 0, totalItems, pageSpan };
  }
  if (!combined) {
    options.onPageRefs?.(entityRefs);
  }
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs, fields: SERVICE_FIELDS, filter: catalogQuery.filter },
    { credentials },
  );
  const entities: Entity[] = [];
  let examined = entityRefs.length;
  for (let i = 0; i < items.length; i++) {
    const entity = items[i];
    if (entity && (!filters.q || matchesText(entity, filters.q))) {
      entities.push(entity);
      if (entities.length === limit) {
        examined = i + 1;
        break;
      }
    }
  }
  return {
    entities,
    examined,
    totalItems,
    pageSpan,
    systemDomains: catalogQuery.systemDomains,
  };
}
