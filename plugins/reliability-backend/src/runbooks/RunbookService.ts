import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  computeRunbookCoverage,
  EntityRunbookResponse,
  EntityRunbooksResponse,
  entityRefKey,
  ReliabilitySearchDocument,
  RunbookCoverage,
} from '@internal/backstage-plugin-reliability-common';
import { mapWithConcurrency } from '../shared/concurrency';
import { SloDefinitionSource } from '../slo';
import {
  runbookSearchDocuments,
  sloSearchDocuments,
} from './search/searchDocuments';
import { searchRunbooks } from './searchRunbooks';
import { RunbookCollector } from './sources/RunbookCollector';
import { LoadedRunbook } from './sources/types';

/** An entity's runbooks and how well they cover its SLO alerts. */
export interface EntityRunbooks {
  runbooks: LoadedRunbook[];
  coverage: RunbookCoverage;
}

const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 200;
/** Entities whose documents are read at the same time when building search documents. */
const SEARCH_CONCURRENCY = 4;

/**
 * Reads an entity's runbooks live from their sources (so a fixed front matter shows up at once) and links them to
 * the entity's SLO alerts. Results are kept for a minute per entity version, so the list and the runbook opened
 * from it are read once. Callers load the entity with the user's credentials first; this class never reads the
 * catalog itself.
 */
export class RunbookService {
  private readonly cache = new Map<
    string,
    { at: number; value: Promise<EntityRunbooks> }
  >();

  constructor(
    private readonly deps: {
      collector: RunbookCollector;
      sloDefinitions: SloDefinitionSource;
      logger: LoggerService;
      now: () => Date;
      staleAfterDays: number;
    },
  ) {}

  /** Runbooks and coverage of one entity, from the cache when fresh. */
  async load(entity: Entity): Promise<EntityRunbooks> {
    const key = `${entityRefKey(entity)}|${
      entity.metadata.etag ?? JSON.stringify(entity.metadata)
    }`;
    const nowMs = this.deps.now().getTime();
    const cached = this.cache.get(key);
    if (cached && nowMs - cached.at < CACHE_TTL_MS) {
      return cached.value;
    }
    const value = this.loadFresh(entity);
    this.cache.set(key, { at: nowMs, value });
    value.catch(() => this.cache.delete(key));
    this.evict(nowMs);
    return value;
  }

  /** Loads without the cache (the indexing task). */
  async loadFresh(entity: Entity): Promise<EntityRunbooks> {
    const now = this.deps.now();
    const runbooks = await this.deps.collector.collect(entity, now);
    const entries = runbooks.map(r => r.entry);
    let coverage: RunbookCoverage;
    try {
      const { definitions } = await this.deps.sloDefinitions.load(entity);
      coverage = computeRunbookCoverage(definitions, entries);
    } catch (error) {
      this.deps.logger.warn(
        `Cannot read SLO definitions of ${stringifyEntityRef(
          entity,
        )} for runbook coverage: ${error}`,
      );
      coverage = {
        ratio: null,
        alertCount: 0,
        alertsWithRunbook: 0,
        alerts: [],
        error: `SLO definitions could not be read: ${
          error instanceof Error ? error.message : String(error)
        }`,
      };
    }
    return { runbooks, coverage };
  }

  async list(
    entity: Entity,
    query: string | undefined,
  ): Promise<EntityRunbooksResponse> {
    const { runbooks, coverage } = await this.load(entity);
    const matching = searchRunbooks(runbooks, query);
    return {
      entityRef: entityRefKey(entity),
      runbooks: matching.map(r => r.entry),
      total: runbooks.length,
      query: query?.trim() ? query.trim() : null,
      staleCount: runbooks.filter(r => r.entry.stale).length,
      staleAfterDays: this.deps.staleAfterDays,
      coverage,
      generatedAt: this.deps.now().toISOString(),
    };
  }

  async get(entity: Entity, id: string): Promise<EntityRunbookResponse> {
    const { runbooks } = await this.load(entity);
    const found = runbooks.find(r => r.entry.id === id);
    if (!found) {
      throw new NotFoundError(
        `Entity ${stringifyEntityRef(entity)} has no runbook '${id}'`,
      );
    }
    return {
      entityRef: entityRefKey(entity),
      runbook: found.entry,
      markdown: found.body,
    };
  }

  /**
   * The search documents of the given entities (loaded by the caller, with its credentials): their runbooks of
   * every kind, read through the cache, and their SLOs. An entity whose runbooks or SLO definitions cannot be
   * read contributes what could be read, and a warning is logged.
   */
  async searchDocuments(
    entities: Entity[],
  ): Promise<ReliabilitySearchDocument[]> {
    const perEntity = await mapWithConcurrency(
      entities,
      SEARCH_CONCURRENCY,
      async entity => {
        const [runbooks, slos] = await Promise.all([
          this.load(entity).then(
            ({ runbooks: loaded }) => runbookSearchDocuments(entity, loaded),
            error => this.skipped(entity, 'runbooks', error),
          ),
          this.deps.sloDefinitions.load(entity).then(
            ({ definitions }) => sloSearchDocuments(entity, definitions),
            error => this.skipped(entity, 'SLO definitions', error),
          ),
        ]);
        return [...runbooks, ...slos];
      },
    );
    return perEntity.flat();
  }

  private skipped(entity: Entity, what: string, error: unknown): [] {
    this.deps.logger.warn(
      `Cannot read the ${what} of ${stringifyEntityRef(
        entity,
      )} for search: ${error}`,
    );
    return [];
  }

  private evict(nowMs: number) {
    for (const [key, item] of this.cache) {
      if (
        nowMs - item.at >= CACHE_TTL_MS ||
        this.cache.size > CACHE_MAX_ENTRIES
      ) {
        this.cache.delete(key);
      }
    }
  }
}
