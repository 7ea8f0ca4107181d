import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { chunk } from '../shared/chunk';
import { giveWay } from '../shared/giveWay';
import { cycleBudgetTally } from '../shared/budgetCycle';
import { Refresher } from '../shared/refresher';
import { rotatedBatches } from '../shared/rotatedBatches';
import { SliEventStore } from './embedded/SliEventStore';
import { sloEntityPages } from './sloEntities';
import { SloService } from './SloService';
import { SloStore } from './store/SloStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Entities collected as one batch after the end of the catalog (those a resumed run skipped at first). */
const DEFERRED_BATCH = 100;
/** Entities whose old SLI intervals one retention statement deletes. */
const RETENTION_GROUP = 50;

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
  /**
   * Longest a run waits for turns in vendor request budgets (the collection's frequency, at most its timeout):
   * after it, provider calls the budget has no room for at once are refused and their SLOs keep their last data
   * (stale). The next run starts at the first entity refused, so every entity gets its turn. Default: no limit.
   */
  cycleMs?: number;
}

/**
 * The SLO area's background job: walks the catalog entities that declare SLOs page by page, collects each
 * page's SLOs as one batch (`SloService.collectEntities`: a constant number of queries per page on the embedded
 * SLI store) and stores a snapshot of each; then applies retention (old snapshots and SLI events, data of
 * entities that no longer declare SLOs). Failures are logged and kept per SLO; a run never throws. SLOs refused
 * by a vendor's request budget (once the run's cycle is over) keep their last data (stale) and are summed up in
 * one line per run. The next run starts at the first entity refused, or where a run stopped by its timeout
 * stopped (the entities before that come last), so every entity gets its turn even when a full pass takes longer
 * than a cycle; retention is skipped when the walk did not complete (failed or aborted), so nothing is deleted on
 * the strength of a partial list.
 */
export class SloRefresher implements Refresher {
  /**
   * Position (in catalog order) where the next run starts: the first entity the last run's budget refused, or
   * where its timeout stopped it.
   */
  private resumeAt = 0;

  constructor(private readonly options: SloRefresherOptions) {}

  async run(signal?: AbortSignal): Promise<void> {
    const { logger, service, cycleMs } = this.options;
    const seen = new Set<string>();
    const budget = cycleBudgetTally(cycleMs);
    const startAt = this.resumeAt;
    let collected = 0;
    let refused = 0;
    let failures = 0;
    let firstRefused: number | undefined;
    let stoppedAt: number | undefined;
    // collectEntities gives way to other work before each group of its batch.
    const collect = async (batch: Entity[], position: number) => {
      try {
        const result = await service.collectEntities(batch, { budget });
        refused += result.refused;
        // Batches come in the run's order: the first refusal noted is the run's first.
        if (firstRefused === undefined && result.firstRefused !== undefined) {
          firstRefused = position + result.firstRefused;
        }
      } catch (error) {
        failures += batch.length;
        logger.warn(
          `SLO collection failed for ${
            batch.length
          } entities from ${entityRefKey(batch[0])}: ${error}`,
        );
      }
      collected += batch.length;
    };
    try {
      for await (const { items, position } of rotatedBatches(
        this.uniquePages(seen),
        startAt,
        DEFERRED_BATCH,
      )) {
        if (signal?.aborted) {
          stoppedAt = position;
          break;
        }
        await collect(items, position);
      }
    } catch (error) {
      this.resumeAt = firstRefused ?? startAt;
      logger.error(
        `SLO refresh could not list catalog entities: ${error}; retention skipped`,
      );
      this.logBudget(budget, collected - refused, collected);
      return;
    }
    this.resumeAt = firstRefused ?? stoppedAt ?? 0;
    if (stoppedAt !== undefined) {
      logger.warn(
        `SLO refresh stopped by its timeout after ${collected} entities; the next run continues ${
          firstRefused === undefined
            ? 'there'
            : 'at the first entity the budget refused'
        }; retention skipped`,
      );
      this.logBudget(budget, collected - refused, collected);
      return;
    }
    logger.info(
      `SLO collection: ${seen.size} entities, ${
        seen.size - refused - failures
      } collected, ${refused} refused by a vendor budget, ${failures} failed`,
    );
    this.logBudget(budget, seen.size - refused, seen.size);
    try {
      await this.applyRetention(seen);
    } catch (error) {
      logger.warn(`SLO retention failed: ${error}`);
    }
  }

  /** The pages of SLO entities, each entity once (noted in `seen`). */
  private async *uniquePages(seen: Set<string>): AsyncGenerator<Entity[]> {
    for await (const page of sloEntityPages(
      this.options.catalog,
      this.options.auth,
    )) {
      yield page.filter(entity => {
        const ref = entityRefKey(entity);
        if (seen.has(ref)) return false;
        seen.add(ref);
        return true;
      });
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
    // A few entities per statement, giving way before each (one statement over the whole table held SQLite, and
    // every web request, for about a second at 10,000 services).
    let events = 0;
    for (const refs of chunk([...sloEntityRefs], RETENTION_GROUP)) {
      await giveWay();
      events += await eventStore.deleteOlderThan(eventsCutoff, refs);
    }
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
