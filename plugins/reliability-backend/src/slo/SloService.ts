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
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { ProviderFailureLog } from '../shared/providerFailures';
import { SummarySource } from '../summaries';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { definitionFacts } from './evaluation/sloFacts';
import { SloDefinitionLoader } from './SloDefinitionLoader';
import { SloStore } from './store/SloStore';

/** Most points a history response carries; longer series are bucket-averaged. */
export const MAX_HISTORY_POINTS = 2000;

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
    const entityRef = entityRefKey(entity);
    const { definitions, errors } = await this.deps.loader.load(entity);
    await this.deps.store.recordEntityFacts(
      entityRef,
      {
        sloNames: definitions.map(slo => slo.name),
        definitionErrors: errors.length,
      },
      this.deps.now(),
    );
    const latest = await this.deps.store.getLatest(entityRef);
    for (const slo of definitions) {
      await this.collectSlo(
        entity,
        entityRef,
        slo,
        latest.get(slo.name),
        options.budget,
      );
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

  private async collectSlo(
    entity: Entity,
    entityRef: string,
    slo: SloDefinition,
    previous: SloStatus | undefined,
    budget?: ProviderBudgetTally,
  ): Promise<SloStatus> {
    const now = this.deps.now();
    let status: SloStatus;
    try {
      status = await this.deps.evaluator.evaluate(entity, slo, now);
    } catch (error) {
      // The last data stays, marked stale; its collectedAt is the "stale since".
      const staleSince =
        previous && previous.total !== null ? previous.collectedAt : undefined;
      if (!budget?.refused(error, staleSince)) {
        this.failures.warn(
          error,
          `SLO ${slo.name} of ${entityRef}: collection failed, keeping last data: ${error}`,
        );
      }
      status = this.deps.evaluator.failedStatus(slo, previous, error, now);
    }
    await this.deps.store.recordStatus(
      entityRef,
      slo.name,
      status,
      definitionFacts(slo),
    );
    return status;
  }
}
