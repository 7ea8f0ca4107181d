import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { chunk } from '../shared/chunk';
import { Refresher } from '../shared/refresher';
import { yieldToEventLoop } from '../shared/yieldToEventLoop';
import { SliEventStore } from './embedded/SliEventStore';
import { sloEntityPages } from './sloEntities';
import { SloService } from './SloService';
import { SloStore } from './store/SloStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Entities collected as one batch after the end of the catalog (those a resumed run skipped at first). */
const DEFERRED_BATCH = 100;

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
 * page's SLOs as one batch (`SloService.collectEntities`: a constant number of queries per page on the embedded
 * SLI store) and stores a snapshot of each; then applies retention (old snapshots and SLI events, data of
 * entities that no longer declare SLOs). Failures are logged and kept per SLO; a run never throws. A run
 * stopped by its timeout is resumed by the next one where it stopped (the entities before that come last), so
 * every entity gets its turn even when a full pass takes longer than the timeout; retention is skipped when the
 * walk did not complete (failed or aborted), so nothing is deleted on the strength of a partial list. SLOs
 * refused by a vendor's request budget keep their last data (stale) and are summed up in one line per run.
 */
export class SloRefresher implements Refresher {
  /** Position (in catalog order) where the next run starts: where the last one was stopped. */
  private resumeAt = 0;

  constructor(private readonly options: SloRefresherOptions) {}

  async run(signal?: AbortSignal): Promise<void> {
    const { logger } = this.options;
    const seen = new Set<string>();
    const budget = new ProviderBudgetTally();
    const startAt = this.resumeAt;
    // Entities before `startAt` are collected at the end of the run.
    const deferred: Entity[] = [];
    let collectedAfterStart = 0;
    let collectedDeferred = 0;
    let refused = 0;
    let failures = 0;
    const collect = async (batch: Entity[]) => {
      await yieldToEventLoop();
      try {
        refused += (
          await this.options.service.collectEntities(batch, { budget })
        ).refused;
      } catch (error) {
        failures += batch.length;
        logger.warn(
          `SLO collection failed for ${
            batch.length
          } entities from ${entityRefKey(batch[0])}: ${error}`,
        );
      }
    };
    const aborted = () => {
      if (!signal?.aborted) return false;
      const done = collectedAfterStart + collectedDeferred;
      this.resumeAt =
        collectedDeferred > 0
          ? collectedDeferred
          : startAt + collectedAfterStart;
      logger.warn(
        `SLO refresh stopped by its timeout after ${done} entities; the next run continues there; retention skipped`,
      );
      this.logBudget(budget, done - refused, done);
      return true;
    };
    try {
      for await (const page of sloEntityPages(
        this.options.catalog,
        this.options.auth,
      )) {
        if (aborted()) return;
        const position = seen.size;
        const fresh = page.filter(entity => {
          const ref = entityRefKey(entity);
          if (seen.has(ref)) return false;
          seen.add(ref);
          return true;
        });
        const skip = Math.max(0, Math.min(fresh.length, startAt - position));
        deferred.push(...fresh.slice(0, skip));
        if (fresh.length > skip) {
          await collect(fresh.slice(skip));
          collectedAfterStart += fresh.length - skip;
        }
      }
      for (const batch of chunk(deferred, DEFERRED_BATCH)) {
        if (aborted()) return;
        await collect(batch);
        collectedDeferred += batch.length;
      }
    } catch (error) {
      logger.error(
        `SLO refresh could not list catalog entities: ${error}; retention skipped`,
      );
      return;
    }
    this.resumeAt = 0;
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
