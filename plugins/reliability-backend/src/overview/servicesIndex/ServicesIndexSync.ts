import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../../shared/catalogPages';
import { SYSTEM_DOMAIN_FIELDS } from '../../shared/componentGroups';
import { domainRefOfSystem, listingOf } from '../serviceRows';
import { ServicesIndexStore } from '../store/ServicesIndexStore';

/** Systems per catalog page when their domains are read. */
const SYSTEM_PAGE_SIZE = 1000;

/** What one synchronisation of the services index wrote. */
export interface ServicesIndexSyncResult {
  serviceCount: number;
  written: number;
  deleted: number;
  /** Whether the pass was recorded (pages are listed from the index only after a recorded pass). */
  recorded: boolean;
}

/**
 * One synchronisation of the services index with the catalog, fed the pages of a complete walk over every
 * Component: `start` reads every System's domain (one walk over the Systems, pages of 1000), `addPage` stores a
 * page's listings (only new and changed rows are written), and `finish`, after the whole walk, deletes the
 * services no longer in the catalog and records the pass (unless it found none). An abandoned sync (no `finish`)
 * deletes nothing and leaves the previous pass's record, so the index is never trusted for a walk that did not
 * complete.
 */
export class ServicesIndexSync {
  private readonly store: ServicesIndexStore;
  private readonly seen = new Set<string>();
  private readonly domains = new Map<string, string>();
  private written = 0;

  constructor(options: { store: ServicesIndexStore }) {
    this.store = options.store;
  }

  async start(
    catalog: CatalogService,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const pages = catalogEntityPages(
      catalog,
      {
        filter: { kind: 'system' },
        fields: SYSTEM_DOMAIN_FIELDS,
        pageSize: SYSTEM_PAGE_SIZE,
      },
      credentials,
    );
    for await (const systems of pages) {
      for (const system of systems) {
        const domain = domainRefOfSystem(system);
        if (domain) this.domains.set(entityRefKey(system), domain);
      }
    }
  }

  async addPage(entities: Entity[]): Promise<void> {
    const listings = entities.map(entity => listingOf(entity, this.domains));
    for (const listing of listings) this.seen.add(listing.entityRef);
    this.written += await this.store.syncListings(listings);
  }

  /**
   * Deletes the services the walk did not see and records the pass, unless it found no service (right after a
   * start the catalog may not have processed its locations yet, and an empty index must not answer for it; an
   * empty catalog is as cheap to read live) or `settled` says the catalog changed during the walk.
   */
  async finish(
    listedAt: Date,
    options: { settled?: (serviceCount: number) => Promise<boolean> } = {},
  ): Promise<ServicesIndexSyncResult> {
    const deleted = await this.store.deleteNotIn(this.seen);
    const serviceCount = this.seen.size;
    const recorded =
      serviceCount > 0 &&
      (!options.settled || (await options.settled(serviceCount)));
    if (recorded) {
      await this.store.recordPass(listedAt, serviceCount);
    }
    return { serviceCount, written: this.written, deleted, recorded };
  }
}
