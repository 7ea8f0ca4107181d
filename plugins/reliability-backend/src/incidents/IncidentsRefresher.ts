import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { mapWithConcurrency } from '../shared/concurrency';
import { Refresher } from '../shared/refresher';
import { IncidentService } from './IncidentService';
import { IncidentStore } from './store/IncidentStore';

const PAGE_SIZE = 200;
const CONCURRENCY = 4;
/** Refs per catalog existence check. */
const EXISTENCE_BATCH = 200;
const DAY_MS = 24 * 3600_000;

/** The kinds of entities that have incidents: services, systems, resources and APIs. */
export const INCIDENT_ENTITY_FILTER = {
  kind: ['component', 'system', 'resource', 'api'],
};

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
 * entities gone from the catalog, and incidents older than the retention period.
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
    },
  ) {}

  async run(signal?: AbortSignal): Promise<IncidentsRefreshResult> {
    const { auth, catalog, logger, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const withIncidents = new Set(await store.listEntitiesWithIncidents());
    const seen = new Set<string>();
    const tracked = new Set<string>();
    let refreshed = 0;
    let failed = 0;
    let refused = 0;
    const budget = new ProviderBudgetTally();
    const refreshAll = async (entities: Entity[]) => {
      const relevant = entities.filter(
        e =>
          withIncidents.has(entityRefKey(e)) || this.options.service.tracks(e),
      );
      relevant.forEach(e => tracked.add(entityRefKey(e)));
      const outcomes = await mapWithConcurrency(relevant, CONCURRENCY, e =>
        this.refresh(e, credentials, budget, signal),
      );
      refreshed += outcomes.filter(o => o === 'refreshed').length;
      refused += outcomes.filter(o => o === 'refused').length;
      failed += outcomes.filter(o => o === 'failed').length;
    };

    const pages = catalogEntityPages(
      catalog,
      { filter: INCIDENT_ENTITY_FILTER, pageSize: PAGE_SIZE },
      credentials,
    );
    for await (const page of pages) {
      if (signal?.aborted) break;
      page.forEach(e => seen.add(entityRefKey(e)));
      await refreshAll(page);
    }
    const budgetLine = budget.summary(
      refreshed,
      refreshed + refused + failed,
      'services',
    );
    if (budgetLine) logger.warn(`Incidents refresh: ${budgetLine}`);
    if (signal?.aborted) {
      return { refreshed, failed, removed: 0, expired: 0 };
    }

    // Incidents written for entities of other kinds, or of entities that have left the catalog.
    const gone: string[] = [];
    for (const refs of chunk(
      [...withIncidents].filter(ref => !seen.has(ref)),
      EXISTENCE_BATCH,
    )) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials },
      );
      refs.forEach((ref, i) => {
        if (!items[i]) gone.push(ref);
      });
      await refreshAll(items.filter((e): e is Entity => Boolean(e)));
    }
    await store.deleteEntities(gone);
    // Summaries of entities no longer tracked (their incidents, if any were written since, stay).
    const untracked = (await store.listEntityRefs()).filter(
      ref => !tracked.has(ref),
    );
    await store.deleteSummaries(untracked);
    const expired = await store.deleteIncidentsStartedBefore(
      new Date(
        this.options.now().getTime() - this.options.retentionDays * DAY_MS,
      ),
    );
    logger.info(
      `Refreshed the incidents of ${refreshed} entities (${failed} failed); removed ${gone.length} entities gone from the catalog and ${expired} incidents past retention`,
    );
    return { refreshed, failed, removed: gone.length, expired };
  }

  /** Refreshes one entity; a failure is logged and counted, never thrown. */
  private async refresh(
    entity: Entity,
    credentials: BackstageCredentials,
    budget: ProviderBudgetTally,
    signal?: AbortSignal,
  ): Promise<'refreshed' | 'refused' | 'failed' | 'skipped'> {
    if (signal?.aborted) return 'skipped';
    const entityBudget = new ProviderBudgetTally();
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
