import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
  hasSloDefinitions,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { mapWithConcurrency } from '../shared/concurrency';
import { Refresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { PolicyService } from './PolicyService';
import { PolicyStore } from './store/PolicyStore';

const PAGE_SIZE = 100;
const CONCURRENCY = 4;
/** Refs per catalog existence check. */
const EXISTENCE_BATCH = 200;
const DAY_MS = 24 * 3600_000;

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
