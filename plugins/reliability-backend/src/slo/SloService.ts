import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  entityRefKey,
  EntitySlosResponse,
  SloDefinition,
  SloHistoryResponse,
  SloStatus,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import {
  ProviderBudgetTally,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { mapWithConcurrency } from '../shared/concurrency';
import { ProviderFailureLog } from '../shared/providerFailures';
import { yieldToEventLoop } from '../shared/yieldToEventLoop';
import { SummarySource } from '../summaries';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { definitionFacts } from './evaluation/sloFacts';
import { SloDefinitionLoader } from './SloDefinitionLoader';
import { SloStore } from './store/SloStore';

/** Most points a history response carries; longer series are bucket-averaged. */
export const MAX_HISTORY_POINTS = 2000;

/** SLOs of a batch evaluated at once (calls to providers that do not read batches ahead run in parallel). */
const EVALUATIONS_AT_ONCE = 8;
/** Definitions loaded at once in a batch (a first parse of an OpenSLO text takes about 1.4 ms of event loop). */
const LOADS_AT_ONCE = 8;

/** Options of the SloService. */
export interface SloServiceOptions {
  loader: SloDefinitionLoader;
  evaluator: SloEvaluator;
  store: SloStore;
  logger: LoggerService;
  now: () => Date;
}

/**
 * The SLO feature's domain service: an entity's SLOs with their newest state, SLO history, collection of
 * one entity, and per-entity summaries for the other areas of the suite.
 */
export class SloService implements SummarySource<SloSummary> {
  private readonly failures: ProviderFailureLog;

  constructor(private readonly deps: SloServiceOptions) {
    this.failures = new ProviderFailureLog(deps.logger);
  }

  /**
   * The entity's SLO definitions (and definition problems) with each SLO's newest collected state.
   * SLOs never collected yet are computed once on demand and stored.
   */
  async getEntitySlos(entity: Entity): Promise<EntitySlosResponse> {
    const entityRef = entityRefKey(entity);
    const { definitions, errors } = await this.deps.loader.load(entity);
    const latest = await this.deps.store.getLatest(entityRef);
    const missing = definitions.filter(slo => !latest.has(slo.name));
    if (missing.length > 0) {
      await this.deps.store.recordEntityFacts(
        entityRef,
        {
          sloNames: definitions.map(slo => slo.name),
          definitionErrors: errors.length,
        },
        this.deps.now(),
      );
      const computed = await Promise.all(
        missing.map(slo => this.collectSlo(entity, entityRef, slo, undefined)),
      );
      missing.forEach((slo, i) => latest.set(slo.name, computed[i]));
    }
    return {
      entityRef,
      definitionErrors: errors,
      slos: definitions.map(definition => ({
        definition,
        status: latest.get(definition.name) ?? null,
      })),
    };
  }

  /**
   * Collects every SLO of an entity now and stores the results; provider failures mark data stale. A call refused
   * by a vendor's request budget is counted in `budget` (the refresher logs one line per cycle) instead of
   * logged per SLO.
   */
  async collectEntity(
    entity: Entity,
    options: { budget?: ProviderBudgetTally } = {},
  ): Promise<void> {
    await this.collectEntities([entity], options);
  }

  /**
   * Collects every SLO of a batch of entities at one instant and stores the results, in a constant number of
   * store queries for the batch: SLI providers that read batches (the embedded store) are read once for all of
   * them, the others call by call (a few SLOs at a time). Failures are handled per SLO as in `collectEntity`.
   * Returns how many of the entities had an SLO refused by a vendor's request budget.
   */
  async collectEntities(
    entities: Entity[],
    options: { budget?: ProviderBudgetTally } = {},
  ): Promise<{ refused: number }> {
    const now = this.deps.now();
    const loaded = await this.loadDefinitions(entities);
    const latest = await this.deps.store.getLatestOf(
      loaded.map(e => e.entityRef),
    );
    const slos = loaded.flatMap(e => e.definitions.map(slo => ({ ...e, slo })));
    const views = await this.batchViews(slos, now);
    const refused = new Set<string>();
    const statuses = await mapWithConcurrency(
      slos,
      EVALUATIONS_AT_ONCE,
      async ({ entity, entityRef, slo }) => {
        // Evaluations from read-ahead data are pure computation: let web requests in between.
        await yieldToEventLoop();
        return this.evaluateSlo(
          entity,
          entityRef,
          slo,
          latest.get(entityRef)?.get(slo.name),
          {
            now,
            views,
            budget: options.budget,
            onRefused: () => refused.add(entityRef),
          },
        );
      },
    );
    let next = 0;
    await this.deps.store.recordCollections(
      loaded.map(e => ({
        entityRef: e.entityRef,
        facts: {
          sloNames: e.definitions.map(slo => slo.name),
          definitionErrors: e.errors.length,
        },
        statuses: e.definitions.map(slo => ({
          sloName: slo.name,
          status: statuses[next++],
          facts: definitionFacts(slo),
        })),
      })),
      now,
    );
    return { refused: refused.size };
  }

  /** Batch views of the providers that read ahead; none (call by call) when reading ahead fails. */
  private async batchViews(
    slos: Array<{ entity: Entity; slo: SloDefinition }>,
    now: Date,
  ): Promise<Map<string, SliProvider> | undefined> {
    try {
      return await this.deps.evaluator.preload(slos, now);
    } catch (error) {
      this.failures.warn(
        error,
        `SLO collection could not read ${slos.length} SLOs ahead, reading them one by one: ${error}`,
      );
      return undefined;
    }
  }

  /** Snapshots of one SLO of the entity between from and to. */
  async getHistory(
    entity: Entity,
    sloName: string,
    from: Date,
    to: Date,
  ): Promise<SloHistoryResponse> {
    const entityRef = entityRefKey(entity);
    const { definitions } = await this.deps.loader.load(entity);
    if (!definitions.some(slo => slo.name === sloName)) {
      throw new NotFoundError(`Entity ${entityRef} has no SLO '${sloName}'`);
    }
    const history = await this.deps.store.getHistory(
      entityRef,
      sloName,
      from,
      to,
      MAX_HISTORY_POINTS,
    );
    return {
      entityRef,
      sloName,
      from: from.toISOString(),
      to: to.toISOString(),
      ...history,
    };
  }

  getSummaries(entityRefs: string[]): Promise<Map<string, SloSummary>> {
    return this.deps.store.getSummaries(entityRefs);
  }

  /**
   * The SLOs of many entities (as `getEntitySlos`, by entity ref) with one store read; SLOs never collected have
   * no status here (they are not computed on demand).
   */
  async getEntitiesSlos(
    entities: Entity[],
  ): Promise<Map<string, EntitySlosResponse>> {
    const refs = entities.map(entity => entityRefKey(entity));
    const latest = await this.deps.store.getLatestOf(refs);
    const result = new Map<string, EntitySlosResponse>();
    for (const { entityRef, definitions, errors } of await this.loadDefinitions(
      entities,
    )) {
      const states = latest.get(entityRef);
      result.set(entityRef, {
        entityRef,
        definitionErrors: errors,
        slos: definitions.map(definition => ({
          definition,
          status: states?.get(definition.name) ?? null,
        })),
      });
    }
    return result;
  }

  /**
   * The definitions of a batch of entities, a few at a time with a turn of the event loop before each: on the
   * first run after a start every text is parsed, and a page of 100 parsed in one go would hold web requests
   * off for ~140 ms.
   */
  private async loadDefinitions(entities: Entity[]) {
    return mapWithConcurrency(entities, LOADS_AT_ONCE, async entity => {
      await yieldToEventLoop();
      return {
        entity,
        entityRef: entityRefKey(entity),
        ...(await this.deps.loader.load(entity)),
      };
    });
  }

  /** Computes and stores one SLO's state now (SLOs never collected, on demand). */
  private async collectSlo(
    entity: Entity,
    entityRef: string,
    slo: SloDefinition,
    previous: SloStatus | undefined,
  ): Promise<SloStatus> {
    const status = await this.evaluateSlo(entity, entityRef, slo, previous, {
      now: this.deps.now(),
    });
    await this.deps.store.recordStatus(
      entityRef,
      slo.name,
      status,
      definitionFacts(slo),
    );
    return status;
  }

  /** One SLO's state at `now`; on failure its last data, marked stale (its collectedAt is the "stale since"). */
  private async evaluateSlo(
    entity: Entity,
    entityRef: string,
    slo: SloDefinition,
    previous: SloStatus | undefined,
    context: {
      now: Date;
      views?: Map<string, SliProvider>;
      budget?: ProviderBudgetTally;
      onRefused?: () => void;
    },
  ): Promise<SloStatus> {
    const { now, views, budget } = context;
    try {
      return await this.deps.evaluator.evaluate(entity, slo, now, views);
    } catch (error) {
      const staleSince =
        previous && previous.total !== null ? previous.collectedAt : undefined;
      if (budget?.refused(error, staleSince)) {
        context.onRefused?.();
      } else {
        this.failures.warn(
          error,
          `SLO ${slo.name} of ${entityRef}: collection failed, keeping last data: ${error}`,
        );
      }
      return this.deps.evaluator.failedStatus(slo, previous, error, now);
    }
  }
}
