import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OverviewPage,
  OverviewSummariesResponse,
} from '@internal/backstage-plugin-reliability-common';
import { campaignIndex } from './campaignIndex';
import { loadCatalogServicePage } from './catalogServicePage';
import { ThrottledWarning } from '../shared/throttledWarning';
import { computeGroupRollUps } from './groupRollUpPass';
import { nextTurn } from '../shared/giveWay';
import { RollUpGroupBy } from './groupSummaries';
import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  catalogServiceLookup,
  catalogVisibleLookup,
  EntityRefIndex,
  loadIndexedPage,
  ServiceLookup,
} from './indexedPage';
import {
  countCatalogServices,
  OverviewPassResult,
  runOverviewPass,
} from './overviewPass';
import { decodeCursor, encodeCursor, OverviewRequest } from './overviewQuery';
import { ServicePage } from './servicePage';
import { rowOf } from './serviceRows';
import {
  loadServicesIndexPage,
  ServicesIndexOptions,
} from './servicesIndex/servicesIndexPage';
import { ServicesIndexPass } from './store/ServicesIndexStore';
import { OverviewStore } from './store/OverviewStore';
import {
  LoadedSummaries,
  loadSummaries,
  OverviewSources,
  unavailableAreas,
} from './sources';

/** Least time between two warnings that the services index could not be read. */
const INDEX_WARNING_INTERVAL_MS = 60_000;

/** Services the team/system roll-ups read at most (in catalog pages of {@link ROLLUP_PAGE_SIZE}). */
export const MAX_ROLLUP_SERVICES = 20_000;
const ROLLUP_PAGE_SIZE = 1000;

/**
 * The org overview: pages of services joined with every area's summaries.
 *
 * A page costs a constant number of queries whatever its size: at most one catalog query for pre-selection
 * (domain), ONE `queryEntities` for the page and, on the first page, ONE more for the count, in parallel (or, with
 * `level` or `policy`, one maturity-index or policy-index query plus ONE `getEntitiesByRefs`; with `campaign`, the
 * campaigns area's measurement of the campaign plus ONE `getEntitiesByRefs`), ONE `getEntitiesByRefs` for the
 * systems' domains (none with a domain filter), and ONE `getSummaries` per area (read while the catalog is asked
 * when `level`, `policy` or `campaign` alone gives the page's refs). Later catalog-ordered pages follow the
 * catalog's cursor (keyset paging) instead of an offset.
 */
export class OverviewService {
  private readonly catalog: CatalogService;
  private readonly sources: OverviewSources;
  private readonly store?: OverviewStore;
  private readonly servicesIndex?: ServicesIndexOptions;
  private readonly now: () => Date;
  /** Says, at most once a minute, that the services index could not be read. */
  private readonly indexWarning: ThrottledWarning;

  constructor(options: {
    catalog: CatalogService;
    sources: OverviewSources;
    /** The stored team and system roll-ups; without it every roll-up is computed on request. */
    store?: OverviewStore;
    /** The services index; without it every page is read from the catalog. */
    servicesIndex?: ServicesIndexOptions;
    now?: () => Date;
  }) {
    this.catalog = options.catalog;
    this.sources = options.sources;
    this.store = options.store;
    this.servicesIndex = options.servicesIndex;
    this.now = options.now ?? (() => new Date());
    this.indexWarning = new ThrottledWarning({
      logger: options.servicesIndex?.logger,
      intervalMs: INDEX_WARNING_INTERVAL_MS,
      now: this.now,
    });
  }

  /**
   * One page of services joined with every area's summaries. With `fromServicesIndex` (the caller may read every
   * catalog entity) and a recent pass of the services index, the services are listed from the index (see
   * {@link OverviewService.servicesIndexPage}) and the page says when (`listedAt`). Without it, a page of the
   * `level`, `policy` or `campaign` filter is also listed from the index, each service kept only if the catalog
   * shows it to the caller (see {@link catalogVisibleLookup}); every other page comes from the catalog with the
   * caller's credentials.
   */
  async getPage(
    request: OverviewRequest,
    credentials: BackstageCredentials,
    options: { fromServicesIndex?: boolean } = {},
  ): Promise<OverviewPage> {
    const { filters, offset } = request;
    const unavailable = unavailableAreas(this.sources);
    const index = await this.indexOf(filters, credentials);
    const page =
      (await this.servicesIndexPage(
        request,
        index,
        options.fromServicesIndex ? undefined : credentials,
      )) || (await this.catalogServicesPage(request, credentials, index));
    if (!page) {
      return { items: [], totalItems: 0, pageInfo: {}, unavailable };
    }
    const { listings, totalItems, examined, span } = page;
    const summaries = await (page.summaries ??
      loadSummaries(
        this.sources,
        listings.map(listing => listing.entityRef),
      ));
    const pageInfo: OverviewPage['pageInfo'] = {};
    if (examined > 0 && offset + examined < totalItems) {
      pageInfo.nextCursor = encodeCursor(
        filters,
        offset + examined,
        totalItems,
        page.catalogCursor,
        page.indexKey,
      );
    }
    if (offset > 0) {
      pageInfo.prevCursor = encodeCursor(
        filters,
        Math.max(0, offset - span),
        totalItems,
      );
    }
    return {
      items: listings.map(listing => rowOf(listing, summaries)),
      totalItems,
      pageInfo,
      unavailable,
      ...(page.listedAt ? { listedAt: page.listedAt.toISOString() } : {}),
    };
  }

  /**
   * A page listed from the services index (see {@link loadServicesIndexPage}); undefined when it may not answer.
   * With `visibleTo` (a caller who may not read every entity), only a page of a reliability index filter, whose
   * services the catalog then checks with those credentials.
   */
  private async servicesIndexPage(
    request: OverviewRequest,
    index: EntityRefIndex | undefined,
    visibleTo: BackstageCredentials | undefined,
  ): Promise<ServicePage | undefined> {
    if (!this.servicesIndex || (visibleTo && !index)) return undefined;
    const servicesIndex = this.servicesIndex;
    const visible = (lookup: ServiceLookup) =>
      visibleTo
        ? catalogVisibleLookup(lookup, {
            catalog: this.catalog,
            credentials: visibleTo,
            domainFiltered: Boolean(request.filters.domain),
          })
        : lookup;
    try {
      return await loadServicesIndexPage({
        servicesIndex,
        request,
        now: this.now(),
        indexedPage: index
          ? lookup => this.indexedPage(request, index, visible(lookup))
          : undefined,
      });
    } catch (error) {
      // The request's own errors (a bad filter, an unknown campaign) are answered as they are; the index failing to
      // be read (a database error) leaves the page to the catalog, slower but whole.
      if (error instanceof CustomErrorBase) throw error;
      this.indexWarning.warn(
        `Reliability overview: the services index could not be read, pages are read from the catalog: ${error}`,
      );
      return undefined;
    }
  }

  /** A page listed from the catalog with the caller's credentials, over `index` when a reliability filter is set. */
  private async catalogServicesPage(
    request: OverviewRequest,
    credentials: BackstageCredentials,
    index: EntityRefIndex | undefined,
  ): Promise<ServicePage | null> {
    if (!index) {
      return loadCatalogServicePage({
        catalog: this.catalog,
        sources: this.sources,
        request,
        credentials,
      });
    }
    const lookup = await catalogServiceLookup({
      filters: request.filters,
      catalog: this.catalog,
      credentials,
    });
    return lookup ? this.indexedPage(request, index, lookup) : null;
  }

  /**
   * The index of reliability data the filters page over: the maturity level index for `level`, the policy state
   * index for `policy`, the campaign's services for `campaign` (one of them at a time); undefined for
   * catalog-only filters.
   */
  private async indexOf(
    filters: OverviewRequest['filters'],
    credentials: BackstageCredentials,
  ): Promise<EntityRefIndex | undefined> {
    const { level, policy, campaign } = filters;
    if (level && policy) {
      throw new InputError(
        'Invalid overview query: the level and policy filters cannot be combined',
      );
    }
    if (campaign && (level || policy)) {
      throw new InputError(
        'Invalid overview query: the campaign filter cannot be combined with level or policy',
      );
    }
    if (campaign) {
      return campaignIndex({
        campaigns: this.sources.campaigns,
        campaignId: campaign,
        open: filters.campaignOpen === true,
        credentials,
      });
    }
    if (level) {
      const index = this.sources.maturityLevels;
      if (!index) {
        throw new InputError(
          'The level filter needs the maturity checklist, which is not installed',
        );
      }
      return query =>
        index.pageEntityRefsWithLevel({
          ...query,
          level: level.toLowerCase(),
        });
    }
    if (policy) {
      const index = this.sources.policyStates;
      if (!index) {
        throw new InputError(
          'The policy filter needs the error-budget policy area, which is not installed',
        );
      }
      return query =>
        index.pageEntityRefsWithPolicyState({
          ...query,
          state: policy.toLowerCase(),
        });
    }
    return undefined;
  }

  /**
   * A page of the `level`, `policy` or `campaign` filter, read from its index with `lookup` (the catalog or the
   * services index) applying the other filters (see {@link loadIndexedPage}).
   */
  private async indexedPage(
    request: OverviewRequest,
    index: EntityRefIndex,
    lookup: ServiceLookup,
  ): Promise<ServicePage> {
    const { limit, filters, offset } = request;
    let summaries: Promise<Required<LoadedSummaries>> | undefined;
    const page = await loadIndexedPage({
      filters,
      offset,
      limit,
      includeTotal: request.totalItems === undefined,
      index,
      lookup,
      // Alone, the index filter's refs are the page: read their summaries while they are looked up.
      onPageRefs: refs => {
        summaries = loadSummaries(this.sources, refs);
        summaries.catch(() => undefined);
      },
    });
    return {
      listings: page.listings,
      totalItems: request.totalItems ?? page.totalItems ?? 0,
      examined: page.examined,
      span: page.pageSpan,
      summaries,
    };
  }

  /** Pages through the matching services (for the CSV export), stopping after `maxRows`. */
  async *pages(
    request: OverviewRequest,
    credentials: BackstageCredentials,
    maxRows: number,
    options: { fromServicesIndex?: boolean } = {},
  ): AsyncGenerator<OverviewPage> {
    let current: OverviewRequest | undefined = request;
    let rows = 0;
    while (current && rows < maxRows) {
      const page = await this.getPage(
        { ...current, limit: Math.min(current.limit, maxRows - rows) },
        credentials,
        options,
      );
      rows += page.items.length;
      yield page;
      current = page.pageInfo.nextCursor
        ? { ...decodeCursor(page.pageInfo.nextCursor), limit: current.limit }
        : undefined;
    }
  }

  /**
   * Team or system roll-ups. With `stored` (the caller may read every catalog entity, so the roll-up of the whole
   * catalog is exactly what it would see) the stored roll-up of the last refresh pass answers, with its
   * `computedAt`, in one query. Otherwise, and before the first pass, they are computed for the request over every
   * service the caller can see (see {@link OverviewService.computeGroupSummaries}).
   */
  async getGroupSummaries(
    by: RollUpGroupBy,
    credentials: BackstageCredentials,
    options: { stored?: boolean } = {},
  ): Promise<OverviewSummariesResponse> {
    if (options.stored && this.store) {
      const stored = await this.store.getRollUp(by);
      if (stored) {
        return {
          by,
          groups: stored.groups,
          serviceCount: stored.groups.reduce((n, g) => n + g.serviceCount, 0),
          truncated: false,
          computedAt: stored.computedAt.toISOString(),
        };
      }
    }
    return this.computeGroupSummaries(by, credentials);
  }

  /** The services index's last complete pass; undefined without a services index or before its first pass. */
  async lastServicesIndexPass(): Promise<ServicesIndexPass | undefined> {
    return this.servicesIndex?.store.lastPass();
  }

  /** How many Components the catalog holds for `credentials`: ONE count query, no rows. */
  async countCatalogServices(
    credentials: BackstageCredentials,
  ): Promise<number> {
    return countCatalogServices(this.catalog, credentials);
  }

  /** One refresh pass of the stored roll-ups and the services index (see {@link runOverviewPass}). */
  async refreshGroupRollUps(
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<OverviewPassResult | undefined> {
    if (!this.store) return undefined;
    return runOverviewPass({
      catalog: this.catalog,
      sources: this.sources,
      rollUps: this.store,
      servicesIndex: this.servicesIndex?.store,
      credentials,
      signal,
      now: this.now,
    });
  }

  /**
   * Team or system roll-ups computed for the request over every service the caller can see (bounded by
   * MAX_ROLLUP_SERVICES): the refresh pass's walk (see {@link computeGroupRollUps}) with the caller's credentials, in
   * catalog pages of 1000.
   */
  async computeGroupSummaries(
    by: RollUpGroupBy,
    credentials: BackstageCredentials,
  ): Promise<OverviewSummariesResponse> {
    const walk = await computeGroupRollUps({
      catalog: this.catalog,
      sources: this.sources,
      credentials,
      pageSize: ROLLUP_PAGE_SIZE,
      maxServices: MAX_ROLLUP_SERVICES,
      betweenPages: nextTurn,
    });
    // Without an abort signal the walk always completes.
    const { groups, serviceCount, truncated } = walk!;
    return { by, groups: groups[by], serviceCount, truncated };
  }
}
