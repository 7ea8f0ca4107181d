import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { Refresher } from '../shared/refresher';
import { SliEventStore } from './embedded/SliEventStore';
import { sloEntityPages } from './sloEntities';
import { SloService } from './SloService';
import { SloStore } from './store/SloStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of the SloRefresher. */
export interface SloRefresherOptions {
  auth: AuthService;
  catalog: CatalogService;
  logger: LoggerService;
  service: SloService;
  store: SloStore;
  eventStore: SliEventStore;
  now: () => Date;
  /** Days SLO snapshots are kept. */
  snapshotRetentionDays: number;
  /** Days embedded SLI events are kept (beyond the longest SLO window). */
  sliEventsRetentionDays: number;
}

/**
 * The SLO area's background job: walks the catalog entities that declare SLOs page by page, collects each
 * SLO's state from its SLI provider and stores a snapshot; then applies retention (old snapshots and SLI
 * events, data of entities that no longer declare SLOs). Failures are logged and kept per SLO; a run never
 * throws. Retention is skipped when the walk did not complete (failed or aborted), so nothing is deleted on
 * the strength of a partial list. SLOs refused by a vendor's request budget keep their last data (stale) and are
 * summed up in one line per run.
 */
export class SloRefresher implements Refresher {
  constructor(private readonly options: SloRefresherOptions) {}

  async run(signal?: AbortSignal): Promise<void> {
    const { logger } = this.options;
    const seen = new Set<string>();
    const budget = new ProviderBudgetTally();
    let refused = 0;
    let failures = 0;
    try {
      for await (const page of sloEntityPages(
        this.options.catalog,
        this.options.auth,
      )) {
        for (const entity of page) {
          if (signal?.aborted) {
            logger.warn(
              `SLO refresh aborted after ${seen.size} entities; retention skipped`,
            );
            this.logBudget(budget, seen.size - refused, seen.size);
            return;
          }
          const entityRef = entityRefKey(entity);
          if (seen.has(entityRef)) continue;
          seen.add(entityRef);
          const refusedBefore = budget.refusedCount;
          try {
            await this.options.service.collectEntity(entity, { budget });
            if (budget.refusedCount > refusedBefore) refused += 1;
          } catch (error) {
            failures += 1;
            logger.warn(`SLO collection failed for ${entityRef}: ${error}`);
          }
        }
      }
    } catch (error) {
      logger.error(
        `SLO refresh could not list catalog entities: ${error}; retention skipped`,
      );
      return;
    }
    logger.info(`SLO collection: ${seen.size} entities, ${failures} failed`);
    this.logBudget(budget, seen.size - refused, seen.size);
    try {
      await this.applyRetention(seen);
    } catch (error) {
      logger.warn(`SLO retention failed: ${error}`);
    }
  }

  /** The run's one line about vendor budgets, if one was reached. */
  private logBudget(
    budget: ProviderBudgetTally,
    refreshed: number,
    total: number,
  ): void {
    const line = budget.summary(refreshed, total, 'services');
    if (line) this.options.logger.warn(`SLO collection: ${line}`);
  }

  private async applyRetention(sloEntityRefs: Set<string>): Promise<void> {
    const { store, eventStore, logger } = this.options;
    const now = this.options.now().getTime();
    const cutoff = new Date(now - this.options.snapshotRetentionDays * DAY_MS);
    // SLI events feed SLO windows (up to 366 days), so they have their own, longer retention.
    const eventsCutoff = new Date(
      now - this.options.sliEventsRetentionDays * DAY_MS,
    );
    const snapshots = await store.deleteSnapshotsOlderThan(cutoff);
    const events = await eventStore.deleteOlderThan(eventsCutoff);
    const gone = (await store.listEntityRefs()).filter(
      ref => !sloEntityRefs.has(ref),
    );
    await store.deleteEntities(gone);
    const goneEvents = await eventStore.deleteEntitiesNotIn(sloEntityRefs);
    if (snapshots + events + gone.length + goneEvents > 0) {
      logger.info(
        `SLO retention: deleted ${snapshots} snapshots older than ${cutoff.toISOString()}, ` +
          `${events} SLI intervals older than ${eventsCutoff.toISOString()}; ` +
          `${gone.length} entities and ${goneEvents} SLI intervals no longer in the catalog`,
      );
    }
  }
}
