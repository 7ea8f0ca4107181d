import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';
import { normalizedEntityRef } from './normalizedEntityRef';
import { RunbookService } from './RunbookService';
import { RunbookStore } from './store/RunbookStore';

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

/** Outcome of one indexing run. */
export interface RunbookIndexRunResult {
  indexed: number;
  failed: number;
  removed: number;
}

/**
 * Rebuilds the runbook index: reads the runbooks of every entity that has runbook sources or SLOs, stores them with
 * the entity's coverage and staleness, and removes entities that left the catalog (or lost all sources).
 * Runs as the plugin itself (service credentials), so it sees the whole catalog.
 */
export class RunbookIndexer {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      service: RunbookService;
      store: RunbookStore;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<RunbookIndexRunResult> {
    const entities = await this.listEntities();
    const seen: string[] = [];
    let failed = 0;
    const queue = [...entities];
    const worker = async () => {
      for (let entity = queue.shift(); entity; entity = queue.shift()) {
        if (signal?.aborted) return;
        const entityRef = normalizedEntityRef(entity);
        seen.push(entityRef);
        try {
          const { runbooks, coverage } = await this.deps.service.loadFresh(
            entity,
          );
          await this.deps.store.replaceEntity({
            entityRef,
            runbooks: runbooks.map(r => r.entry),
            alertCount: coverage.alertCount,
            alertsWithRunbook: coverage.alertsWithRunbook,
            coverageError: coverage.error,
            indexedAt: this.deps.now(),
          });
        } catch (error) {
          failed++;
          this.deps.logger.warn(
            `Indexing runbooks of ${entityRef} failed: ${error}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (signal?.aborted) {
      return { indexed: seen.length - failed, failed, removed: 0 };
    }
    // Only after a complete catalog listing: entities absent from it are gone (or have no runbook sources left).
    const removed = await this.deps.store.removeEntitiesNotIn(
      entities.map(normalizedEntityRef),
    );
    this.deps.logger.info(
      `Indexed runbooks of ${
        seen.length - failed
      } entities (${failed} failed, ${removed} removed)`,
    );
    return { indexed: seen.length - failed, failed, removed };
  }

  private async listEntities(): Promise<Entity[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : { filter: RUNBOOK_ENTITY_FILTER, limit: PAGE_SIZE },
        { credentials },
      );
      entities.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return entities;
  }
}
