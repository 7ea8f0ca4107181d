import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { mapWithConcurrency } from '../shared/concurrency';
import { cycleBudgetTally } from '../shared/budgetCycle';
import { Refresher } from '../shared/refresher';
import { rotatedBatches } from '../shared/rotatedBatches';
import {
  INCIDENT_PAGE_SIZE,
  IncidentEntityWalk,
  incidentEntityPages,
} from './incidentEntityPages';
import { IncidentService } from './IncidentService';
import { IncidentStore } from './store/IncidentStore';

const CONCURRENCY = 4;
const DAY_MS = 24 * 3600_000;

/** How the refresh of an entity went: 'refused' by a vendor budget, 'skipped' once the run is aborted. */
type RefreshOutcome = 'refreshed' | 'refused' | 'failed' | 'skipped';

/** Outcome of one refresh run. */
export interface IncidentsRefreshResult {
  refreshed: number;
  failed: number;
  /** Entities gone from the catalog whose rows were deleted. */
  removed: number;
  /** Incidents past the retention period that were deleted. */
  expired: number;
}

/**
 * The incidents area's background job, as the plugin itself: for every entity a provider serves, that has
 * runbook documents or stored incidents, reads the providers and stores the summary and postmortem action
 * items. Then, after a complete listing, drops the summaries of entities no longer tracked, every row of
 * entities gone from the catalog, and incidents older than the retention period. Reads refused by a vendor's
 * request budget (once the run's cycle is over) keep the incidents read before and are summed up in one line
 * per run; the next run starts at the first entity refused (the entities before it come last), so every entity
 * gets its turn.
 */
export class IncidentsRefresher implements Refresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      service: IncidentService;
      store: IncidentStore;
      logger: LoggerService;
      now: () => Date;
      retentionDays: number;
      /**
       * Longest a run waits for turns in vendor request budgets (see `budgetCycleMs` in shared/budgetCycle.ts): after it, provider
       * reads the budget has no room for at once are refused, and their entities keep the incidents read before.
       * Default: no limit beyond each read's own timeout.
       */
      cycleMs?: number;
    },
  ) {}

  /** Position (in the walk's order) where the next run starts: the first entity the last run's budget refused. */
  private resumeAt = 0;

  async run(signal?: AbortSignal): Promise<IncidentsRefreshResult> {
    const { auth, catalog, logger, store, service, cycleMs } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const walk: IncidentEntityWalk = { tracked: new Set(), gone: [] };
    const pages = incidentEntityPages(
      {
        catalog,
        credentials,
        withIncidents: new Set(await store.listEntitiesWithIncidents()),
        tracks: e => service.tracks(e),
      },
      walk,
    );
    const budget = cycleBudgetTally(cycleMs);
    let refreshed = 0;
    let failed = 0;
    let refused = 0;
    let firstRefused: number | undefined;
    // From where the last run ran out of budget; the entities before it come last.
    for await (const { items, position } of rotatedBatches(
      pages,
      this.resumeAt,
      INCIDENT_PAGE_SIZE,
    )) {
      if (signal?.aborted) break;
      const outcomes = await mapWithConcurrency(items, CONCURRENCY, e =>
        this.refresh(e, credentials, budget, signal),
      );
      // Batches come in the run's order: the first refusal seen is the run's first.
      const refusedAt = outcomes.indexOf('refused');
      if (firstRefused === undefined && refusedAt >= 0) {
        firstRefused = position + refusedAt;
      }
      refreshed += outcomes.filter(o => o === 'refreshed').length;
      refused += outcomes.filter(o => o === 'refused').length;
      failed += outcomes.filter(o => o === 'failed').length;
    }
    this.resumeAt = firstRefused ?? 0;
    const budgetLine = budget.summary(
      refreshed,
      refreshed + refused + failed,
      'services',
    );
    if (budgetLine) logger.warn(`Incidents refresh: ${budgetLine}`);
    if (signal?.aborted) {
      return { refreshed, failed, removed: 0, expired: 0 };
    }

    await store.deleteEntities(walk.gone);
    // Summaries of entities no longer tracked (their incidents, if any were written since, stay).
    const untracked = (await store.listEntityRefs()).filter(
      ref => !walk.tracked.has(ref),
    );
    await store.deleteSummaries(untracked);
    const expired = await store.deleteIncidentsStartedBefore(
      new Date(
        this.options.now().getTime() - this.options.retentionDays * DAY_MS,
      ),
    );
    logger.info(
      `Refreshed the incidents of ${refreshed} entities (${failed} failed); removed ${walk.gone.length} entities gone from the catalog and ${expired} incidents past retention`,
    );
    return { refreshed, failed, removed: walk.gone.length, expired };
  }

  /** Refreshes one entity; a failure is logged and counted, never thrown. */
  private async refresh(
    entity: Entity,
    credentials: BackstageCredentials,
    budget: ProviderBudgetTally,
    signal?: AbortSignal,
  ): Promise<RefreshOutcome> {
    if (signal?.aborted) return 'skipped';
    // The entity's own tally, to tell whether its reads were refused; its reads wait no longer than the run's.
    const entityBudget = new ProviderBudgetTally({
      waitUntil: budget.waitUntil,
    });
    try {
      await this.options.service.refreshEntity(
        entity,
        credentials,
        signal,
        entityBudget,
      );
      budget.absorb(entityBudget);
      // Refused reads keep the incidents read before; the summary is rebuilt from them.
      return entityBudget.refusedCount > 0 ? 'refused' : 'refreshed';
    } catch (error) {
      this.options.logger.warn(
        `Refreshing the incidents of ${entityRefKey(entity)} failed: ${error}`,
      );
      return 'failed';
    }
  }
}
