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
import { ProviderFailureLog } from '../shared/providerFailures';
import { inGroups } from '../shared/giveWay';
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

/** An SLO's window and whether it met its target over its last window (null: not known). */
export interface SloWindowMet {
  window: SloDefinition['window'];
  met: boolean | null;
}

/** Options of the SloService. */
export interface SloServiceOptions {
  loader: SloDefinitionLoader;
  evaluator: SloEvaluator;
  store: SloStore;
  logger: LoggerService;
  now: () => Date;
  /**
   * An SLO last checked longer ago than this means the scheduled collection is behind (see
   * `EntitySlosResponse.collectionOverdue`); never, by default.
   */
  collectionOverdueAfterMs?: number;
}

/** The oldest check among the statuses when it is older than `afterMs` at `now`. */
function overdueCheck(
  statuses: Array<SloStatus | undefined>,
  now: Date,
  afterMs: number,
): { checkedAt: string } | undefined {
  const checks = statuses.flatMap(status =>
    status ? [Date.parse(status.checkedAt)] : [],
  );
  if (checks.length === 0) return undefined;
  const oldest = Math.min(...checks);
  return now.getTime() - oldest > afterMs
    ? { checkedAt: new Date(oldest).toISOString() }
    : undefined;
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
    const collectionOverdue = overdueCheck(
      definitions.map(definition => latest.get(definition.name)),
      this.deps.now(),
      this.deps.collectionOverdueAfterMs ?? Infinity,
    );
    return {
      entityRef,
      definitionErrors: errors,
      slos: definitions.map(definition => ({
        definition,
        status: latest.get(definition.name) ?? null,
      })),
      ...(collectionOverdue && { collectionOverdue }),
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
   * Returns how many of the entities had an SLO refused by a vendor's request budget, and the index (in
   * `entities`) of the first of them (undefined when none was), where the refresher's next run starts.
   */
  async collectEntities(
    entities: Entity[],
    options: { budget?: ProviderBudgetTally } = {},
  ): Promise<{ refused: number; firstRefused?: number }> {
    const now = this.deps.now();
    const loaded = await this.loadDefinitions(entities);
    const latest = await this.deps.store.getLatestOf(
      loaded.map(e => e.entityRef),
    );
    const slos = loaded.flatMap(e => e.definitions.map(slo => ({ ...e, slo })));
    const views = await this.batchViews(slos, now);
    const refused = new Set<string>();
    // A few evaluations at a time (providers that do not read ahead are called), giving way to the process's
    // other work between them: evaluations from read-ahead data are pure computation on the event loop.
    const statuses = await inGroups(slos, EVALUATIONS_AT_ONCE, slo =>
      this.evaluateSlo(
        slo.entity,
        slo.entityRef,
        slo.slo,
        latest.get(slo.entityRef)?.get(slo.slo.name),
        {
          now,
          views,
          budget: options.budget,
          onRefused: () => refused.add(slo.entityRef),
        },
      ),
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
    const firstRefused = loaded.findIndex(e => refused.has(e.entityRef));
    return {
      refused: refused.size,
      firstRefused: firstRefused < 0 ? undefined : firstRefused,
    };
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

  /** When each given entity last had a page-severity burn (an SLO collected in `page`) at or after `since`. */
  lastPagedAt(entityRefs: string[], since: Date): Promise<Map<string, Date>> {
    return this.deps.store.getLastAlertStateAt(entityRefs, 'page', since);
  }

  /**
   * Each SLO's window and whether it met its target over its last window, for many entities (by entity ref): one
   * read of the stored `met_last_window` column, not of the stored states; SLOs never collected are not known (null).
   */
  async getEntitiesLastWindows(
    entities: Entity[],
  ): Promise<Map<string, SloWindowMet[]>> {
    const refs = entities.map(entity => entityRefKey(entity));
    const met = await this.deps.store.getLastWindowMet(refs);
    const result = new Map<string, SloWindowMet[]>();
    for (const { entityRef, definitions } of await this.loadDefinitions(
      entities,
    )) {
      const stored = met.get(entityRef);
      result.set(
        entityRef,
        definitions.map(definition => ({
          window: definition.window,
          met: stored?.get(definition.name) ?? null,
        })),
      );
    }
    return result;
  }

  /**
   * The definitions of a batch of entities, a few at a time, giving way to other work before each group: on the
   * first run after a start every text is parsed, and a page of 100 parsed in one go would hold web requests
   * off for ~140 ms.
   */
  private async loadDefinitions(entities: Entity[]) {
    return inGroups(entities, LOADS_AT_ONCE, async entity => ({
      entity,
      entityRef: entityRefKey(entity),
      ...(await this.deps.loader.load(entity)),
    }));
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
      return await this.deps.evaluator.evaluate(entity, slo, now, views, {
        // Calls wait for vendor budget turns until the end of the refresher's cycle, then are refused.
        waitUntil: budget?.waitUntil,
      });
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
