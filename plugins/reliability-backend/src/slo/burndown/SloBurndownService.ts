import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  BURNDOWN_DEFAULT_POINTS,
  computeBurndown,
  entityRefKey,
  SloBurndownResponse,
  SloDefinition,
  windowSeconds,
} from '@internal/backstage-plugin-reliability-common';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import {
  alertingObjectiveIndex,
  primaryObjective,
} from '../evaluation/sloFacts';
import { SloDefinitionSource } from '../SloDefinitionSource';
import { burndownInstantsOf } from './burndownInstants';

/** Most burn-downs kept in memory (the last one of each SLO also serves as stale data when a provider fails). */
const MAX_CACHE_ENTRIES = 1000;

interface CacheEntry {
  /** The definition the series was computed for: a changed SLO is computed again. */
  definition: string;
  expiresAt: number;
  response: SloBurndownResponse;
}

/** Options of the SloBurndownService. */
export interface SloBurndownServiceOptions {
  loader: SloDefinitionSource;
  evaluator: SloEvaluator;
  logger: LoggerService;
  now: () => Date;
  /** How long a burn-down read from a remote provider is reused (the SLO collection interval). */
  cacheTtlMs: number;
  /** Provider types that are cheap to query (the embedded store): never cached. */
  cheapProviderTypes: string[];
}

/**
 * Error-budget burn-down of an SLO over its current window, read from the SLI provider: the counts of the
 * alerting objective (the one the headline numbers belong to) between ~60 instants from the window's start
 * to now, measured exactly as the evaluator measures them (events, or slices on the clock grid), turned into
 * budget remaining by `computeBurndown`; so the last point is the headline budget remaining.
 * Series of remote providers are cached for the collection interval; when a provider fails the last series
 * is served marked stale (or an empty one that carries the error).
 */
export class SloBurndownService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<SloBurndownResponse>>();

  constructor(private readonly options: SloBurndownServiceOptions) {}

  async getBurndown(
    entity: Entity,
    sloName: string,
    points: number = BURNDOWN_DEFAULT_POINTS,
  ): Promise<SloBurndownResponse> {
    const entityRef = entityRefKey(entity);
    const { definitions } = await this.options.loader.load(entity);
    const slo = definitions.find(d => d.name === sloName);
    if (!slo) {
      throw new NotFoundError(`Entity ${entityRef} has no SLO '${sloName}'`);
    }
    const key = `${entityRef}|${sloName}|${points}`;
    const definition = JSON.stringify(slo);
    const cached = this.cache.get(key);
    const now = this.options.now();
    if (
      cached &&
      cached.definition === definition &&
      cached.expiresAt > now.getTime()
    ) {
      return cached.response;
    }
    const running = this.inFlight.get(key);
    if (running) {
      return running;
    }
    const promise = this.compute(entity, entityRef, slo, points, now)
      .then(response => {
        this.remember(key, definition, slo, response, now);
        return response;
      })
      .catch(error => this.failed(entityRef, slo, error, now, cached))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async compute(
    entity: Entity,
    entityRef: string,
    slo: SloDefinition,
    points: number,
    now: Date,
  ): Promise<SloBurndownResponse> {
    const objectiveIndex = alertingObjectiveIndex(slo);
    const objective = slo.objectives[objectiveIndex];
    const target = objective.target;
    const window = windowSeconds(slo.window, now);
    const windowEnd = slo.window.kind === 'rolling' ? now : window.end;
    const instants = burndownInstantsOf(
      slo,
      objective,
      window.start,
      now,
      points,
    );
    const intervals = instants
      .slice(1)
      .map((to, i) => ({ from: instants[i], to }));
    const segments = await this.options.evaluator.measure(
      entity,
      slo,
      objectiveIndex,
      intervals,
    );
    const good = segments.reduce((sum, s) => sum + s.good, 0);
    const total = segments.reduce((sum, s) => sum + s.total, 0);
    return {
      entityRef,
      sloName: slo.name,
      target,
      windowStart: window.start.toISOString(),
      windowEnd: windowEnd.toISOString(),
      computedAt: now.toISOString(),
      good,
      total,
      points: computeBurndown({
        instants,
        segments,
        target,
        windowStart: window.start,
        windowEnd,
      }),
      stale: false,
      error: null,
      dataSource: this.options.evaluator.dataSourceOf(slo),
    };
  }

  private remember(
    key: string,
    definition: string,
    slo: SloDefinition,
    response: SloBurndownResponse,
    now: Date,
  ) {
    const type = this.options.evaluator.providerTypeOf(slo);
    const cheap =
      type !== undefined &&
      this.options.cheapProviderTypes.includes(type.toLowerCase());
    this.cache.delete(key);
    this.cache.set(key, {
      definition,
      expiresAt: now.getTime() + (cheap ? 0 : this.options.cacheTtlMs),
      response,
    });
    while (this.cache.size > MAX_CACHE_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private failed(
    entityRef: string,
    slo: SloDefinition,
    error: unknown,
    now: Date,
    previous: CacheEntry | undefined,
  ): SloBurndownResponse {
    const message = error instanceof Error ? error.message : String(error);
    this.options.logger.warn(
      `Burn-down of SLO ${slo.name} of ${entityRef} failed: ${message}`,
    );
    if (previous && previous.definition === JSON.stringify(slo)) {
      return { ...previous.response, stale: true, error: message };
    }
    let window = { start: now, end: now };
    try {
      window = windowSeconds(slo.window, now);
    } catch {
      // keep the empty window; the error says what is wrong
    }
    return {
      entityRef,
      sloName: slo.name,
      target: primaryObjective(slo).target,
      windowStart: window.start.toISOString(),
      windowEnd: (slo.window.kind === 'rolling'
        ? now
        : window.end
      ).toISOString(),
      computedAt: now.toISOString(),
      good: null,
      total: null,
      points: [],
      stale: true,
      error: message,
      dataSource: this.options.evaluator.dataSourceOf(slo),
    };
  }
}
