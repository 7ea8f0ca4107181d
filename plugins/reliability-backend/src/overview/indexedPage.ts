import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CustomErrorBase, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { buildServiceCatalogQuery, SERVICE_FIELDS } from './catalogQuery';
import { OverviewFilters } from './overviewQuery';
import {
  listingOf,
  loadSystemDomains,
  ServiceListing,
  systemRefOf,
} from './serviceRows';
import {
  hasCatalogFilters,
  servicesIndexFilters,
} from './servicesIndex/indexFilters';
import { ServicesIndexStore } from './store/ServicesIndexStore';
import { EntityRefPageQuery } from './sources';

/**
 * Index entries one page examines when `level` or `policy` is combined with other filters (which then apply to
 * those entries only, so the page may hold fewer rows than asked for).
 */
export const INDEX_SCAN_WITH_FILTERS = 500;

/** One page of the `level` or `policy` filter: services in ref order and where the next page starts in the index. */
export interface IndexedPage {
  listings: ServiceListing[];
  /** Index entries this page examined (the cursor's offset advances by this much). */
  examined: number;
  /** Services in the index entry (level or state; before visibility and other filters); undefined when not counted. */
  totalItems?: number;
  /** Index entries examined per page (for the previous page's offset). */
  pageSpan: number;
}

/** An index of reliability data (maturity level, policy state): one page of entity refs of a kind, by ref. */
export type EntityRefIndex = (
  query: EntityRefPageQuery,
) => Promise<{ entityRefs: string[]; totalItems?: number }>;

/**
 * Looks up the services of refs read from an {@link EntityRefIndex}, with the query's other filters applied: null
 * for a service that is gone, that the caller may not see or that another filter excludes.
 */
export interface ServiceLookup {
  /** Whether other filters (team, system, domain, tier, text) apply besides the index filter. */
  filtered: boolean;
  byRefs(entityRefs: string[]): Promise<Array<ServiceListing | null>>;
}

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLowerCase() : '';

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

/**
 * Services by ref from the catalog, read with the caller's credentials: ONE `getEntitiesByRefs` with the
 * overview's fields and the other catalog filters, then (without a domain filter, which already knows them) ONE
 * more for their systems' domains. Null when the domain pre-selection is already empty.
 */
export async function catalogServiceLookup(options: {
  filters: OverviewFilters;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<ServiceLookup | null> {
  const { filters, catalog, credentials } = options;
  const catalogQuery = await buildServiceCatalogQuery(options);
  if (!catalogQuery) {
    return null;
  }
  return {
    filtered: Boolean(filters.q) || Object.keys(catalogQuery.filter).length > 1,
    byRefs: async entityRefs => {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs, fields: SERVICE_FIELDS, filter: catalogQuery.filter },
        { credentials },
      );
      const entities = items.map(entity =>
        entity && (!filters.q || matchesText(entity, filters.q))
          ? entity
          : null,
      );
      const present = entities.filter((e): e is Entity => e !== null);
      const domains =
        catalogQuery.systemDomains ??
        (await loadSystemDomains(
          catalog,
          present.map(systemRefOf).filter((ref): ref is string => ref !== null),
          credentials,
        ));
      return entities.map(entity =>
        entity ? listingOf(entity, domains) : null,
      );
    },
  };
}

/** Services by ref from the overview's services index: ONE query with the other filters. */
export function servicesIndexLookup(
  store: ServicesIndexStore,
  filters: OverviewFilters,
): ServiceLookup {
  const indexFilters = servicesIndexFilters(filters);
  return {
    filtered: hasCatalogFilters(indexFilters),
    byRefs: entityRefs => store.listingsByRefs(entityRefs, indexFilters),
  };
}

/** The fields a visibility check reads of each service: its ref only. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * `lookup` (the services index's) keeping only what the catalog shows the caller: for callers whose catalog reads
 * are conditional. After the lookup's query, ONE `getEntitiesByRefs` with the caller's credentials (refs only) of
 * the services and of their systems: a service the caller may not read is dropped; one whose system they may not
 * read is listed without its domain (a property of that system), and left out by a `domain` filter, as the
 * catalog path does.
 */
export function catalogVisibleLookup(
  lookup: ServiceLookup,
  options: {
    catalog: CatalogService;
    credentials: BackstageCredentials;
    domainFiltered: boolean;
  },
): ServiceLookup {
  const { catalog, credentials, domainFiltered } = options;
  return {
    filtered: lookup.filtered,
    byRefs: async entityRefs => {
      const listings = await lookup.byRefs(entityRefs);
      const systems = [
        ...new Set(
          listings.flatMap(listing =>
            listing?.domain && listing.system ? [listing.system] : [],
          ),
        ),
      ];
      const { items } = await catalog
        .getEntitiesByRefs(
          { entityRefs: [...entityRefs, ...systems], fields: REF_FIELDS },
          { credentials },
        )
        .catch(error => {
          // Said as the catalog's failure, not the services index's (whose failures leave the page to the catalog).
          if (error instanceof CustomErrorBase) throw error;
          throw new ServiceUnavailableError(
            'The catalog could not say which services you may see',
            error,
          );
        });
      const visibleSystems = new Set(
        systems.filter((_, i) => items[entityRefs.length + i]),
      );
      return listings.map((listing, i) => {
        if (!listing || !items[i]) return null;
        if (!listing.domain || visibleSystems.has(listing.system!)) {
          return listing;
        }
        return domainFiltered ? null : { ...listing, domain: null };
      });
    },
  };
}

/**
 * Pages over an index of reliability data (the maturity level index for `level`, the policy state index for
 * `policy`, a campaign's services) instead of the catalog: ONE indexed query for the refs (ordered by ref, plus a
 * count on the first page), then the `lookup` of those refs with the other filters. Services the lookup drops are
 * skipped, so a page may be shorter than `limit`.
 * Alone, the index filter examines `limit` index entries per page; combined with other filters, at most
 * {@link INDEX_SCAN_WITH_FILTERS}, of which the first `limit` matches are returned.
 */
export async function loadIndexedPage(options: {
  filters: OverviewFilters;
  offset: number;
  limit: number;
  includeTotal: boolean;
  index: EntityRefIndex;
  lookup: ServiceLookup;
  /**
   * Called with the refs read from the index when they are the page (the index filter alone), before they are
   * looked up, so the caller can read their summaries at the same time.
   */
  onPageRefs?: (entityRefs: string[]) => void;
}): Promise<IndexedPage> {
  const { filters, offset, limit, includeTotal, lookup } = options;
  const pageSpan = lookup.filtered
    ? Math.max(limit, INDEX_SCAN_WITH_FILTERS)
    : limit;
  const { entityRefs, totalItems } = await options.index({
    kind: 'component',
    order: filters.order,
    offset,
    limit: pageSpan,
    includeTotal,
  });
  if (entityRefs.length === 0) {
    return { listings: [], examined: 0, totalItems, pageSpan };
  }
  if (!lookup.filtered) {
    options.onPageRefs?.(entityRefs);
  }
  const found = await lookup.byRefs(entityRefs);
  const listings: ServiceListing[] = [];
  let examined = entityRefs.length;
  for (let i = 0; i < found.length; i++) {
    const listing = found[i];
    if (listing) {
      listings.push(listing);
      if (listings.length === limit) {
        examined = i + 1;
        break;
      }
    }
  }
  return { listings, examined, totalItems, pageSpan };
}
