import { OverviewSortField } from '@internal/backstage-plugin-reliability-common';
import { ServiceListing } from '../serviceRows';

/**
 * Filters of the services index, normalised: refs as `kind:namespace/name` in lower case, tier and text in lower
 * case. Every filter given must match; `text` is a substring of the name, title, owner or system.
 */
export interface ServicesIndexFilters {
  ownerRef?: string;
  systemRef?: string;
  domainRef?: string;
  tier?: string;
  text?: string;
}

/** A complete pass of the services index: when its walk of the catalog started and how many services it listed. */
export interface ServicesIndexPass {
  /** When the pass started reading the catalog (services registered after it may be missing). */
  listedAt: Date;
  serviceCount: number;
}

/**
 * Where a service sits in the index's order for a sort: whether it lacks the sort field, the field's value in lower
 * case (`''` when missing; the name for the name sort), its lower-cased name and its ref. A page that starts after a
 * key (keyset paging) costs the same wherever it is in the list.
 */
export interface ServicesIndexKey {
  missing: boolean;
  value: string;
  name: string;
  ref: string;
}

/** One page of the services index. */
export interface ServicesIndexPageQuery {
  filters: ServicesIndexFilters;
  sort: OverviewSortField;
  order: 'asc' | 'desc';
  /** Services skipped before the page (ignored with `after`). */
  offset: number;
  /** The key of the last service of the previous page: the page starts right after it. */
  after?: ServicesIndexKey;
  limit: number;
  /** Also count every matching service. */
  includeTotal: boolean;
}

/** A page of the services index. */
export interface ServicesIndexPage {
  listings: ServiceListing[];
  /** Services matching the filters, when counted. */
  totalItems?: number;
  /** Where the next page starts (after the page's last service); undefined on the last page. */
  next?: ServicesIndexKey;
}

/**
 * The overview's services index (SQLite and PostgreSQL): every catalog Component as the overview's refresh pass
 * last read it, so a page of the overview is one indexed query instead of the catalog's count and sort of every
 * matching entity. Sorting by owner, system or tier lists the services without one last, in both directions; ties
 * are ordered by name, then ref.
 */
export interface ServicesIndexStore {
  /** Stores the listings of one catalog page, writing only the new and changed ones; returns how many it wrote. */
  syncListings(listings: ServiceListing[]): Promise<number>;
  /**
   * Deletes every service whose ref is not in `entityRefs` (the refs of a complete catalog listing: the table's
   * retention), reading the stored refs in pages; returns how many it deleted.
   */
  deleteNotIn(entityRefs: ReadonlySet<string>): Promise<number>;
  /** Records that a complete pass listed `serviceCount` services (replacing the previous pass's record). */
  recordPass(listedAt: Date, serviceCount: number): Promise<void>;
  /** The last complete pass; undefined before the first one. */
  lastPass(): Promise<ServicesIndexPass | undefined>;
  /** A page of the services matching the filters, in the query's order, and their count when asked. */
  pageListings(query: ServicesIndexPageQuery): Promise<ServicesIndexPage>;
  /** The services of `entityRefs` that match the filters, in the order of `entityRefs` (null where none). */
  listingsByRefs(
    entityRefs: string[],
    filters: ServicesIndexFilters,
  ): Promise<Array<ServiceListing | null>>;
}
