import { LoggerService } from '@backstage/backend-plugin-api';
import { OverviewRequest } from '../overviewQuery';
import { ServicePage } from '../servicePage';
import { ServiceLookup, servicesIndexLookup } from '../indexedPage';
import { ServicesIndexStore } from '../store/ServicesIndexStore';
import { servicesIndexFilters } from './indexFilters';

/** The overview's services index and how old its last pass may be for pages to be answered from it. */
export interface ServicesIndexOptions {
  store: ServicesIndexStore;
  /** Older passes are not trusted (the refresh task has stopped): pages then come from the catalog. */
  maxAgeMs: number;
  /** Told (at most once a minute) when the index cannot be read and pages fall back to the catalog. */
  logger?: LoggerService;
}

/**
 * A page listed from the services index: ONE indexed query for the page (and, on the first page, ONE count, in
 * parallel), or with `level`, `policy` or `campaign` (`indexedPage` given) their index's refs looked up in ONE query
 * of the services index; the last pass's time is read at the same time. Undefined when its last pass is missing or
 * older than `maxAgeMs` (the caller then reads the catalog). Later pages start after the previous page's last
 * service (keyset paging, carried in the cursor with the offset, which the catalog path reads if the index stops
 * being used in between).
 */
export async function loadServicesIndexPage(options: {
  servicesIndex: ServicesIndexOptions;
  request: OverviewRequest;
  now: Date;
  /** Reads a page of a reliability index filter with the given lookup of its refs. */
  indexedPage?: (lookup: ServiceLookup) => Promise<ServicePage>;
}): Promise<ServicePage | undefined> {
  const { servicesIndex, request, now, indexedPage } = options;
  const { store, maxAgeMs } = servicesIndex;
  const { limit, filters, offset } = request;
  const lastPass = store.lastPass();
  const page: Promise<ServicePage> = indexedPage
    ? indexedPage(servicesIndexLookup(store, filters))
    : store
        .pageListings({
          filters: servicesIndexFilters(filters),
          sort: filters.sort,
          order: filters.order,
          offset,
          after: request.indexKey,
          limit,
          includeTotal: request.totalItems === undefined,
        })
        .then(({ listings, totalItems, next }) => ({
          listings,
          totalItems: request.totalItems ?? totalItems ?? 0,
          examined: next ? listings.length : 0,
          span: limit,
          indexKey: next,
        }));
  page.catch(() => undefined);
  const pass = await lastPass;
  if (!pass || now.getTime() - pass.listedAt.getTime() > maxAgeMs) {
    return undefined;
  }
  return { ...(await page), listedAt: pass.listedAt };
}
