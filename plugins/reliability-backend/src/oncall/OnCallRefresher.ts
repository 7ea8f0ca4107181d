import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { giveWay, inGroups } from '../shared/giveWay';
import { cycleBudgetTally } from '../shared/budgetCycle';
import { Refresher } from '../shared/refresher';
import { rotatedBatches } from '../shared/rotatedBatches';
import { ONCALL_ANNOTATIONS } from './entityOnCallState';
import { OnCallService } from './OnCallService';
import { SettledRefresh } from './refreshFetch';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { OnCallStore } from './store/OnCallStore';

/** Days of shift history kept for the team load. */
export const SHIFT_RETENTION_DAYS = 90;
const CONCURRENCY = 4;
const PAGE_SIZE = 200;
/**
 * Schedule-as-code entities whose 90 days of shift history are computed and stored at once, giving way to web
 * requests before each group (computing a page of 200 held the event loop for about 100 ms).
 */
const BACKFILL_GROUP = 50;
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

/** How the refresh of an entity went: 'skipped' once the run is aborted, 'refused' by a vendor budget. */
type RefreshOutcome = 'ok' | 'refused' | 'error' | 'skipped';

/** Outcome of one refresh run. */
export interface OnCallRefreshResult {
  refreshed: number;
  failed: number;
  /** Entities whose materialised state was removed (gone from the catalog); 0 when the run was aborted. */
  removed: number;
  /** Shifts removed by retention; 0 when the run was aborted. */
  prunedShifts: number;
}

/**
 * Keeps `oncall_latest` and `oncall_shifts` up to date for every entity with on-call annotations,
 * fills the shift history of schedule-as-code entities, and removes data of entities gone from the catalog.
 * Reads the catalog with the plugin's own credentials.
 */
export class OnCallRefresher implements Refresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      service: OnCallService;
      store: OnCallStore;
      builtIn: ScheduleAsCodeProvider;
      now: () => Date;
      /**
       * Longest a run waits for turns in vendor request budgets (e.g. the refresh interval): after it, provider
       * calls the budget has no room for at once are refused, and their entities keep their last data. The next
       * run starts where this one ran out of budget, so every entity gets its turn. Default: no limit.
       */
      cycleMs?: number;
    },
  ) {}

  /** Position (in catalog order) where the next run starts: where the last one ran out of budget. */
  private resumeAt = 0;

  async run(signal?: AbortSignal): Promise<OnCallRefreshResult> {
    const { auth, catalog, logger, service, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const refs: string[] = [];
    let refreshed = 0;
    let failed = 0;
    const { cycleMs } = this.options;
    const budget = cycleBudgetTally(cycleMs);
    let firstRefused: number | undefined;
    const pages = catalogEntityPages(
      catalog,
      {
        filter: ONCALL_ANNOTATIONS.map(annotation => ({
          [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
        })),
        fields: ENTITY_FIELDS,
        pageSize: PAGE_SIZE,
      },
      credentials,
    );
    async function* servedPages() {
      for await (const page of pages) {
        const entities = page.filter(e => service.providerFor(e));
        refs.push(...entities.map(e => entityRefKey(e)));
        yield entities;
      }
    }
    // From where the last run ran out of budget; the entities before it come last.
    for await (const { items, position } of rotatedBatches(
      servedPages(),
      this.resumeAt,
      PAGE_SIZE,
    )) {
      if (signal?.aborted) break;
      const outcomes = await this.refreshPage(items, budget, signal);
      // Batches come in the run's order: the first refusal seen is the run's first.
      const refusedAt = outcomes.indexOf('refused');
      if (firstRefused === undefined && refusedAt >= 0) {
        firstRefused = position + refusedAt;
      }
      refreshed += outcomes.filter(o => o === 'ok').length;
      failed += outcomes.filter(o => o === 'error' || o === 'refused').length;
    }
    this.resumeAt = firstRefused ?? 0;
    const budgetLine = budget.summary(
      refreshed,
      refreshed + failed,
      'services',
    );
    if (budgetLine) logger.warn(`On-call refresh: ${budgetLine}`);
    if (signal?.aborted) {
      logger.info(
        `On-call refresh aborted after ${refreshed} entities (${failed} failed); retention skipped`,
      );
      return { refreshed, failed, removed: 0, prunedShifts: 0 };
    }

    // Retention: the catalog listing above is complete, so rows of other entities belong to entities that
    // are gone (or lost their on-call annotations).
    const keep = new Set(refs);
    const gone = await store.listLatestEntityRefsNotIn(keep);
    await store.deleteLatest(gone);
    const now = this.options.now();
    const prunedShifts = await store.pruneShifts(
      new Date(now.getTime() - SHIFT_RETENTION_DAYS * 86_400_000),
      refs,
    );
    logger.info(
      `Refreshed on-call of ${refreshed} entities (${failed} failed); removed ${gone.length} stale entities and ${prunedShifts} old shifts`,
    );
    return { refreshed, failed, removed: gone.length, prunedShifts };
  }

  /**
   * Refreshes a page of entities: calls their providers (a few at a time), then stores the page in a number
   * of queries that does not grow with its size, and fills the shift history of schedule-as-code entities
   * that have none yet.
   */
  private async refreshPage(
    entities: Entity[],
    budget: ProviderBudgetTally,
    signal?: AbortSignal,
  ): Promise<RefreshOutcome[]> {
    const { service, builtIn } = this.options;
    // A few provider calls at a time, giving way to web requests between them.
    const fetched = await inGroups(entities, CONCURRENCY, async entity => {
      if (signal?.aborted) return undefined;
      const entityBudget = new ProviderBudgetTally({
        waitUntil: budget.waitUntil,
      });
      const fetch = await service.fetchForRefresh(entity, entityBudget);
      return { entity, entityBudget, fetch };
    });
    const done = fetched.flatMap(f => (f ? [f] : []));
    await giveWay();
    const settled = await service.settleRefreshes(done.map(f => f.fetch));
    // Each of the page's database steps after a give-way: with the provider calls cheap, the page's queries came
    // back to back, and a web request arriving meanwhile queued behind them in the database.
    await giveWay();
    await this.save(settled);
    await giveWay();
    await this.backfill(
      done
        .filter(
          (f, i) =>
            settled[i].state.status === 'ok' &&
            service.providerFor(f.entity) === builtIn,
        )
        .map(f => f.entity),
    );
    let next = 0;
    return fetched.map(f => {
      if (!f) return 'skipped';
      const { state } = settled[next++];
      budget.absorb(f.entityBudget);
      if (f.entityBudget.refusedCount > 0) return 'refused';
      return state.status === 'error' ? 'error' : 'ok';
    });
  }

  /** Stores what the providers answered for a page (requests' fetches the page shared stored their own). */
  private async save(settled: SettledRefresh[]): Promise<void> {
    const refreshes = settled.flatMap(s => (s.refresh ? [s.refresh] : []));
    try {
      await this.options.store.saveRefreshes(refreshes);
    } catch (error) {
      this.options.logger.error(
        `Could not store the on-call state of ${refreshes.length} entities: ${
          (error as Error).message
        }`,
      );
    }
  }

  /**
   * Fills 90 days of shift history of the schedule-as-code entities that have none yet, {@link BACKFILL_GROUP} at
   * a time.
   */
  private async backfill(entities: Entity[]): Promise<void> {
    const { store, logger } = this.options;
    if (entities.length === 0) return;
    const refs = entities.map(e => entityRefKey(e));
    try {
      const now = this.options.now();
      const filled = await store.refsWithFinishedShifts(refs, now);
      const from = new Date(now.getTime() - SHIFT_RETENTION_DAYS * 86_400_000);
      const missing = entities.filter((_, i) => !filled.has(refs[i]));
      for (const group of chunk(missing, BACKFILL_GROUP)) {
        await giveWay();
        await store.recordShiftHistory(
          this.shiftHistoryOf(group, from, now),
          now,
        );
      }
    } catch (error) {
      logger.warn(
        `Could not fill the shift history of ${refs.length} entities: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** The finished shifts of schedule-as-code entities in [from, now); an entity whose schedule fails is left out. */
  private shiftHistoryOf(entities: Entity[], from: Date, now: Date) {
    const { builtIn, logger } = this.options;
    return entities.flatMap(entity => {
      const entityRef = entityRefKey(entity);
      try {
        // The shift in progress is recorded from the snapshot, with its real end.
        const shifts = builtIn
          .getShiftsBetween(entity, from, now)
          .filter(
            shift =>
              shift.end !== null && Date.parse(shift.end) < now.getTime(),
          );
        return [{ entityRef, shifts }];
      } catch (error) {
        logger.warn(
          `Could not fill the shift history of ${entityRef}: ${
            (error as Error).message
          }`,
        );
        return [];
      }
    });
  }
}
