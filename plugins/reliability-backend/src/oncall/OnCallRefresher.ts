import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { mapWithConcurrency } from '../shared/concurrency';
import { Refresher } from '../shared/refresher';
import { OnCallService, ONCALL_ANNOTATIONS } from './OnCallService';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { OnCallStore } from './store/OnCallStore';

/** Days of shift history kept for the team load. */
export const SHIFT_RETENTION_DAYS = 90;
const CONCURRENCY = 4;
const PAGE_SIZE = 200;
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

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
    const budget = new ProviderBudgetTally({
      waitUntil: cycleMs === undefined ? undefined : Date.now() + cycleMs,
    });
    const startAt = this.resumeAt;
    let firstRefused: number | undefined;
    // Entities before `startAt` wait until the end of the run.
    const deferred: Entity[] = [];
    const refreshAll = async (entities: Entity[], offset: number) => {
      const outcomes = await mapWithConcurrency(
        entities,
        CONCURRENCY,
        async (entity, i) => {
          const outcome = await this.refresh(entity, budget, signal);
          if (outcome === 'refused') {
            firstRefused = Math.min(firstRefused ?? Infinity, offset + i);
          }
          return outcome;
        },
      );
      refreshed += outcomes.filter(o => o === 'ok').length;
      failed += outcomes.filter(o => o === 'error' || o === 'refused').length;
    };
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
    for await (const page of pages) {
      if (signal?.aborted) break;
      const entities = page.filter(e => service.providerFor(e));
      const pageStart = refs.length;
      refs.push(...entities.map(e => entityRefKey(e)));
      const skip = Math.max(0, Math.min(entities.length, startAt - pageStart));
      deferred.push(...entities.slice(0, skip));
      await refreshAll(entities.slice(skip), pageStart + skip - startAt);
    }
    for (const [i, entities] of chunk(deferred, PAGE_SIZE).entries()) {
      if (signal?.aborted) break;
      await refreshAll(entities, refs.length - startAt + i * PAGE_SIZE);
    }
    this.resumeAt =
      firstRefused === undefined || refs.length === 0
        ? 0
        : (startAt + firstRefused) % refs.length;
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
    const gone = (await store.listLatestEntityRefs()).filter(r => !keep.has(r));
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
   * Refreshes one entity: 'refused' when a vendor budget refused its provider call, 'error' when the provider
   * failed otherwise, 'skipped' once the run is aborted.
   */
  private async refresh(
    entity: Entity,
    budget: ProviderBudgetTally,
    signal?: AbortSignal,
  ): Promise<'ok' | 'refused' | 'error' | 'skipped'> {
    const { service, builtIn } = this.options;
    if (signal?.aborted) return 'skipped';
    const entityBudget = new ProviderBudgetTally({
      waitUntil: budget.waitUntil,
    });
    const state = await service.getEntityOnCall(entity, {
      refresh: true,
      budget: entityBudget,
    });
    budget.absorb(entityBudget);
    if (entityBudget.refusedCount > 0) return 'refused';
    if (state.status === 'ok' && service.providerFor(entity) === builtIn) {
      await this.backfill(entity, state.entityRef);
    }
    return state.status === 'error' ? 'error' : 'ok';
  }

  /** Fills 90 days of shift history of a schedule-as-code entity that has none yet. */
  private async backfill(entity: Entity, entityRef: string): Promise<void> {
    const { store, builtIn, logger } = this.options;
    try {
      const now = this.options.now();
      if (await store.hasFinishedShifts(entityRef, now)) return;
      const from = new Date(now.getTime() - SHIFT_RETENTION_DAYS * 86_400_000);
      // The shift in progress is recorded from the snapshot, with its real end.
      const finished = builtIn
        .getShiftsBetween(entity, from, now)
        .filter(
          shift => shift.end !== null && Date.parse(shift.end) < now.getTime(),
        );
      await store.recordShifts(entityRef, finished, now);
    } catch (error) {
      logger.warn(
        `Could not fill the shift history of ${entityRef}: ${
          (error as Error).message
        }`,
      );
    }
  }
}
