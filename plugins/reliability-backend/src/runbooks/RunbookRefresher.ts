import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { Refresher } from '../shared/refresher';
import { RunbookService } from './RunbookService';
import { IndexedEntityRunbooks, RunbookStore } from './store/RunbookStore';
import { inGroups } from '../shared/giveWay';

const PAGE_SIZE = 200;
const CONCURRENCY = 4;

/**
 * Catalog filter for entities that can have runbooks or SLO alerts needing one: a runbooks annotation,
 * a runbook link, or SLO definitions (their coverage is 0 until someone writes a runbook).
 */
export const RUNBOOK_ENTITY_FILTER = [
  { [`metadata.annotations.${ANNOTATIONS.runbooks}`]: CATALOG_FILTER_EXISTS },
  { 'metadata.links.type': RUNBOOK_LINK_TYPE },
  {
    [`metadata.annotations.${ANNOTATIONS.sloDefinitions}`]:
      CATALOG_FILTER_EXISTS,
  },
  { [`metadata.annotations.${ANNOTATIONS.sloInline}`]: CATALOG_FILTER_EXISTS },
];

/** Outcome of one refresh run. */
export interface RunbookRefreshResult {
  indexed: number;
  failed: number;
  removed: number;
}

/**
 * Rebuilds the runbook index: reads the runbooks of every entity that has runbook sources or SLOs, stores them with
 * the entity's coverage and staleness, and removes entities that left the catalog (or lost all sources).
 * Runs as the plugin itself (service credentials), so it sees the whole catalog.
 */
export class RunbookRefresher implements Refresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      service: RunbookService;
      store: RunbookStore;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<RunbookRefreshResult> {
    const { auth, catalog, logger, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const listed: string[] = [];
    let indexed = 0;
    let failed = 0;
    const pages = catalogEntityPages(
      catalog,
      { filter: RUNBOOK_ENTITY_FILTER, pageSize: PAGE_SIZE },
      credentials,
    );
    for await (const page of pages) {
      if (signal?.aborted) break;
      listed.push(...page.map(entity => entityRefKey(entity)));
      // A few entities at a time, giving way to web requests between them.
      const loads = await inGroups(page, CONCURRENCY, entity =>
        this.load(entity, signal),
      );
      const loaded = loads.filter(isLoaded);
      failed += loads.filter(l => l === 'failed').length;
      if (await this.persist(loaded)) {
        indexed += loaded.length;
      } else {
        failed += loaded.length;
      }
    }
    if (signal?.aborted) {
      return { indexed, failed, removed: 0 };
    }
    // Only after a complete catalog listing: entities absent from it are gone (or have no runbook sources left).
    const removed = await store.removeEntitiesNotIn(listed);
    logger.info(
      `Indexed runbooks of ${indexed} entities (${failed} failed, ${removed} removed)`,
    );
    return { indexed, failed, removed };
  }

  /** Reads one entity's runbooks and coverage; a failure is logged and reported, never thrown. */
  private async load(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<IndexedEntityRunbooks | 'failed' | 'skipped'> {
    if (signal?.aborted) return 'skipped';
    const entityRef = entityRefKey(entity);
    try {
      const { runbooks, coverage } = await this.options.service.loadFresh(
        entity,
      );
      return {
        entityRef,
        runbooks: runbooks.map(r => r.entry),
        alertCount: coverage.alertCount,
        alertsWithRunbook: coverage.alertsWithRunbook,
        coverageError: coverage.error,
        indexedAt: this.options.now(),
      };
    } catch (error) {
      this.options.logger.warn(
        `Indexing runbooks of ${entityRef} failed: ${error}`,
      );
      return 'failed';
    }
  }

  /**
   * Writes a page's loaded entities in one batch (entities whose load failed keep their previous rows).
   * Returns false, after logging, when the write fails.
   */
  private async persist(loaded: IndexedEntityRunbooks[]): Promise<boolean> {
    if (loaded.length === 0) return true;
    try {
      await this.options.store.replaceEntities(loaded);
      return true;
    } catch (error) {
      this.options.logger.warn(
        `Storing the runbooks of a page of ${loaded.length} entities failed: ${error}`,
      );
      return false;
    }
  }
}

function isLoaded(
  load: IndexedEntityRunbooks | 'failed' | 'skipped',
): load is IndexedEntityRunbooks {
  return typeof load !== 'string';
}
