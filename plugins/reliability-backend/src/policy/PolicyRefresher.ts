import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
  hasSloDefinitions,
  POLICY_STATE_NO_DATA,
  POLICY_STATE_OK,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { mapWithConcurrency } from '../shared/concurrency';
import { Refresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { PolicyListener } from './listener';
import { PolicyService } from './PolicyService';
import { PolicyStore } from './store/PolicyStore';

const PAGE_SIZE = 100;
const CONCURRENCY = 4;
/** Refs per catalog existence check. */
const EXISTENCE_BATCH = 200;
const DAY_MS = 24 * 3600_000;
/**
 * How far back each run tells the listener about service state changes: a few cadences, so a change recorded
 * between runs (by a request) or a send that failed is told at the next run; the listener keeps each once.
 */
const TELL_WINDOW_MS = 3600_000;
/** Most changes told per run. */
const TELL_LIMIT = 1000;

/** A change between two states that both allow deploys (`ok` and `no-data`) changes nothing for the team. */
const ALLOWING_WITHOUT_RULE = new Set([POLICY_STATE_OK, POLICY_STATE_NO_DATA]);

/** Entities declaring SLOs (a file or inline definitions). */
const SLO_ENTITY_FILTER = [
  {
    [`metadata.annotations.${ANNOTATIONS.sloDefinitions}`]:
      CATALOG_FILTER_EXISTS,
  },
  { [`metadata.annotations.${ANNOTATIONS.sloInline}`]: CATALOG_FILTER_EXISTS },
];
/** Policy resolution reads annotations; the SLO loader also needs the source-location ones. */
const ENTITY_FIELDS = ['kind', 'metadata', 'spec.type', 'spec.owner'];

/** Outcome of one refresh run. */
export interface PolicyRefreshResult {
  evaluated: number;
  failed: number;
  /** Entities whose current states were dropped (no SLOs any more). */
  cleared: number;
  /** Entities gone from the catalog whose data was deleted. */
  removed: number;
}

/**
 * Evaluates the error-budget policy of every entity with SLO data each cadence and records state changes
 * (so `since` and the history are right even when nobody looks), then applies retention: current states of
 * entities without SLOs, every row of entities gone from the catalog, history and gate data past its age.
 * Entities are read as the plugin itself; SLOs never collected yet (no summary) wait for the SLO refresher.
 */
export class PolicyRefresher implements Refresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      service: PolicyService;
      store: PolicyStore;
      sloSummaries: SummarySource<SloSummary>;
      logger: LoggerService;
      now: () => Date;
      retentionDays: number;
      /** Told about services whose state changed (the notifications area). */
      listener?: Pick<PolicyListener, 'serviceStatesChanged'>;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<PolicyRefreshResult> {
    const { auth, catalog, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const withSlos = new Set<string>();
    let evaluated = 0;
    let failed = 0;
    const pages = catalogEntityPages(
      catalog,
      { filter: SLO_ENTITY_FILTER, fields: ENTITY_FIELDS, pageSize: PAGE_SIZE },
      credentials,
    );
    for await (const page of pages) {
      if (signal?.aborted) break;
      const entities = page.filter(hasSloDefinitions);
      entities.forEach(entity => withSlos.add(entityRefKey(entity)));
      const summaries = await this.options.sloSummaries.getSummaries(
        entities.map(entity => entityRefKey(entity)),
      );
      const collected = entities.filter(entity =>
        summaries.has(entityRefKey(entity)),
      );
      const outcomes = await mapWithConcurrency(
        collected,
        CONCURRENCY,
        entity => this.evaluate(entity, signal),
      );
      evaluated += outcomes.filter(o => o === 'evaluated').length;
      failed += outcomes.filter(o => o === 'failed').length;
    }
    if (signal?.aborted) {
      return { evaluated, failed, cleared: 0, removed: 0 };
    }
    // Only after a complete listing: entities with states that no longer declare SLOs.
    const cleared = (await this.options.store.listEntitiesWithStates()).filter(
      ref => !withSlos.has(ref),
    );
    await this.options.store.deleteStates(cleared);
    const removed = await this.removeGoneEntities(credentials);
    await this.tellChanges();
    const cutOff = new Date(
      this.options.now().getTime() - this.options.retentionDays * DAY_MS,
    );
    const aged = await this.options.store.deleteOlderThan(cutOff);
    logger.info(
      `Evaluated the error-budget policy of ${evaluated} entities (${failed} failed); cleared ${cleared.length}, removed ${removed}, deleted ${aged.changes} old state changes, ${aged.answers} gate answers and ${aged.overrides} overrides`,
    );
    return { evaluated, failed, cleared: cleared.length, removed };
  }

  private async evaluate(
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<'evaluated' | 'failed' | 'skipped'> {
    if (signal?.aborted) return 'skipped';
    try {
      await this.options.service.evaluate(entity);
      return 'evaluated';
    } catch (error) {
      this.options.logger.warn(
        `Evaluating the error-budget policy of ${entityRefKey(
          entity,
        )} failed: ${error}`,
      );
      return 'failed';
    }
  }

  /**
   * Tells the listener about the services whose state changed within the last hour (not first evaluations, not
   * between `ok` and `no-data`), with the new state's consequence while it holds. A failure is logged: the next
   * run tells again.
   */
  private async tellChanges(): Promise<void> {
    const { listener, store, logger, now } = this.options;
    if (!listener) return;
    try {
      const changes = (
        await store.getServiceChangesSince(
          new Date(now().getTime() - TELL_WINDOW_MS),
          TELL_LIMIT,
        )
      ).filter(
        change =>
          !(
            ALLOWING_WITHOUT_RULE.has(change.fromState ?? '') &&
            ALLOWING_WITHOUT_RULE.has(change.toState)
          ),
      );
      if (changes.length === 0) return;
      const current = await store.getServiceStates(
        changes.map(change => change.entityRef),
      );
      await listener.serviceStatesChanged(
        changes.map(change => {
          const state = current.get(change.entityRef);
          const holds =
            state?.state === change.toState &&
            state.since.toISOString() === change.changedAt;
          return {
            entityRef: change.entityRef,
            fromState: change.fromState ?? '',
            toState: change.toState,
            decision: change.decision,
            changedAt: change.changedAt,
            consequence: holds ? state.consequence : null,
            currentState: holds ? null : state?.state ?? null,
          };
        }),
      );
    } catch (error) {
      logger.warn(
        `Telling the error-budget policy's state changes failed: ${error}`,
      );
    }
  }

  /** Deletes every row of entities the catalog no longer has; returns how many. */
  private async removeGoneEntities(
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  ): Promise<number> {
    const known = await this.options.store.listEntityRefs();
    const gone: string[] = [];
    for (const refs of chunk(known, EXISTENCE_BATCH)) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: refs,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      refs.forEach((ref, i) => {
        if (!items[i]) gone.push(ref);
      });
    }
    await this.options.store.deleteEntities(gone);
    return gone.length;
  }
}
