import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  OverviewPage,
  OverviewSummariesResponse,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { campaignIndex } from './campaignIndex';
import { buildServiceCatalogQuery, SERVICE_FIELDS } from './catalogQuery';
import { rollUpServices } from './groupSummaries';
import { InputError } from '@backstage/errors';
import { EntityRefIndex, loadIndexedPage } from './indexedPage';
import { decodeCursor, encodeCursor, OverviewRequest } from './overviewQuery';
import { loadSystemDomains, systemRefOf, toServiceRow } from './serviceRows';
import { loadSummaries, OverviewSources, unavailableAreas } from './sources';

/** Services of one page and how far it advanced (`examined`: 0 on the last page) over `span` per page. */
interface ServicePage {
  entities: Entity[];
  totalItems: number;
  examined: number;
  span: number;
}

/** Services the team/system roll-ups read at most (in catalog pages of {@link ROLLUP_PAGE_SIZE}). */
export const MAX_ROLLUP_SERVICES = 20_000;
const ROLLUP_PAGE_SIZE = 1000;

/**
 * The org overview: pages of services joined with every area's summaries.
 *
 * A page costs a constant number of queries whatever its size: at most one catalog query for pre-selection
 * (domain), ONE `queryEntities` for the page (or, with `level` or `policy`, one maturity-index or policy-index
 * query plus ONE `getEntitiesByRefs`; with `campaign`, the campaigns area's measurement of the campaign plus ONE
 * `getEntitiesByRefs`), ONE `getEntitiesByRefs` for the systems' domains, and ONE
 * `getSummaries` per area.
 */
export class OverviewService {
  private readonly catalog: CatalogService;
  private readonly sources: OverviewSources;

  constructor(options: { catalog: CatalogService; sources: OverviewSources }) {
    this.catalog = options.catalog;
    this.sources = options.sources;
  }

  async getPage(
    request: OverviewRequest,
    credentials: BackstageCredentials,
  ): Promise<OverviewPage> {
    const { filters, offset } = request;
    const unavailable = unavailableAreas(this.sources);
    const index = await this.indexOf(filters, credentials);
    const page = index
      ? await this.indexedPage(request, credentials, index)
      : await this.catalogPage(request, credentials);
    if (!page) {
      return { items: [], totalItems: 0, pageInfo: {}, unavailable };
    }
    const { entities, totalItems, examined, span } = page;
    const systemRefs = entities
      .map(systemRefOf)
      .filter((ref): ref is string => ref !== null);
    const [domains, summaries] = await Promise.all([
      loadSystemDomains(this.catalog, systemRefs, credentials),
      loadSummaries(
        this.sources,
        entities.map(e => entityRefKey(e)),
      ),
    ]);
    const pageInfo: OverviewPage['pageInfo'] = {};
    if (examined > 0 && offset + examined < totalItems) {
      pageInfo.nextCursor = encodeCursor(
        filters,
        offset + examined,
        totalItems,
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
      items: entities.map(entity => toServiceRow(entity, domains, summaries)),
      totalItems,
      pageInfo,
      unavailable,
    };
  }

  /** A page of the catalog's query for the filters: ONE `queryEntities` (plus one for a domain filter). */
  private async catalogPage(
    request: OverviewRequest,
    credentials: BackstageCredentials,
  ): Promise<ServicePage | null> {
    const { limit, filters, offset } = request;
    const catalogQuery = await buildServiceCatalogQuery({
      filters,
      catalog: this.catalog,
      credentials,
    });
    if (!catalogQuery) {
      return null;
    }
    const response = await this.catalog.queryEntities(
      {
        ...catalogQuery,
        fields: SERVICE_FIELDS,
        limit,
        offset,
        totalItems: request.totalItems === undefined ? 'include' : 'exclude',
      },
      { credentials },
    );
    const entities = response.items;
    return {
      entities,
      totalItems: request.totalItems ?? response.totalItems,
      // A short page is the last one.
      examined: entities.length === limit ? limit : 0,
      span: limit,
    };
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
          level: level.toLocaleLowerCase('en-US'),
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
          state: policy.toLocaleLowerCase('en-US'),
        });
    }
    return undefined;
  }

  /** A page of the `level` or `policy` filter, read from its index (see {@link loadIndexedPage}). */
  private async indexedPage(
    request: OverviewRequest,
    credentials: BackstageCredentials,
    index: EntityRefIndex,
  ): Promise<ServicePage | null> {
    const { limit, filters, offset } = request;
    const page = await loadIndexedPage({
      filters,
      offset,
      limit,
      includeTotal: request.totalItems === undefined,
      catalog: this.catalog,
      credentials,
      index,
    });
    if (!page) {
      return null;
    }
    return {
      entities: page.entities,
      totalItems: request.totalItems ?? page.totalItems ?? 0,
      examined: page.examined,
      span: page.pageSpan,
    };
  }

  /** Pages through the matching services (for the CSV export), stopping after `maxRows`. */
  async *pages(
    request: OverviewRequest,
    credentials: BackstageCredentials,
    maxRows: number,
  ): AsyncGenerator<OverviewPage> {
    let current: OverviewRequest | undefined = request;
    let rows = 0;
    while (current && rows < maxRows) {
      const page = await this.getPage(
        { ...current, limit: Math.min(current.limit, maxRows - rows) },
        credentials,
      );
      rows += page.items.length;
      yield page;
      current = page.pageInfo.nextCursor
        ? { ...decodeCursor(page.pageInfo.nextCursor), limit: current.limit }
        : undefined;
    }
  }

  /**
   * Team or system roll-ups over every service the caller can see (bounded by MAX_ROLLUP_SERVICES), reading the
   * catalog in pages of 1000 with minimal fields and the summaries of each page in one call per area; by system
   * also the systems' own SLO summaries, in one call.
   */
  async getGroupSummaries(
    by: 'team' | 'system',
    credentials: BackstageCredentials,
  ): Promise<OverviewSummariesResponse> {
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'spec.owner',
      'spec.system',
    ];
    const services = [];
    let cursor: string | undefined;
    let truncated = false;
    do {
      const response = await this.catalog.queryEntities(
        cursor
          ? { cursor, fields, limit: ROLLUP_PAGE_SIZE }
          : {
              filter: { kind: 'component' },
              fields,
              limit: ROLLUP_PAGE_SIZE,
              totalItems: 'exclude',
            },
        { credentials },
      );
      const summaries = await loadSummaries(
        this.sources,
        response.items.map(e => entityRefKey(e)),
      );
      for (const entity of response.items) {
        services.push(toServiceRow(entity, new Map(), summaries));
      }
      cursor = response.pageInfo.nextCursor;
      if (cursor && services.length >= MAX_ROLLUP_SERVICES) {
        truncated = true;
        cursor = undefined;
      }
    } while (cursor);
    // A System's own SLOs (user journeys) count in its roll-up: ONE getSummaries for every system.
    const systemRefs = [
      ...new Set(
        services
          .map(service => service.system)
          .filter((ref): ref is string => by === 'system' && ref !== null),
      ),
    ];
    const systemSlos =
      systemRefs.length > 0 && this.sources.slo
        ? await this.sources.slo.getSummaries(systemRefs)
        : new Map<string, SloSummary>();
    return {
      by,
      groups: rollUpServices(services, by, systemSlos),
      serviceCount: services.length,
      truncated,
    };
  }
}
