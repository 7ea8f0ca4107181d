import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  isTierOne,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';
import { Refresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { AlertRefreshTarget, AlertService } from './AlertService';
import {
  ALERT_ENTITY_KINDS,
  AlertEntityFacts,
  alertEntityFacts,
} from './entityFacts';
import { AlertEntityMapper } from './mapping/AlertEntityMapper';
import {
  AlertSourceSync,
  AlertSourceSyncResult,
} from './sources/AlertSourceSync';
import { AlertStore } from './store/AlertStore';

const PAGE_SIZE = 200;
/** Refs per catalog existence check. */
const EXISTENCE_BATCH = 200;
/** Entities whose summaries are computed per batch. */
const SUMMARY_BATCH = 100;
const DAY_MS = 24 * 3600_000;

/** Outcome of one refresh run. */
export interface AlertsRefreshResult {
  sources: AlertSourceSyncResult[];
  /** Entities whose summary was stored. */
  summarised: number;
  /** Entities gone from the catalog whose rows were deleted. */
  removed: number;
  /** Firings past the retention period that were deleted. */
  expired: number;
}

/**
 * The alerts area's background job, as the plugin itself: walks the catalog (components, resources, systems,
 * APIs) to map alerts to entities, reads every alert source (a failed source keeps its last inventory, marked
 * stale), then stores the summary (coverage, noise, gap) of every entity with alerts, every tier-1 component and
 * every resource a tier-1 component depends on. Finally drops the summaries of entities no longer tracked, every
 * row of entities gone from the catalog, and firings older than the retention period.
 */
export class AlertsRefresher implements Refresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      service: AlertService;
      sync: AlertSourceSync;
      store: AlertStore;
      slo: SummarySource<SloSummary>;
      mappingLabel: string;
      logger: LoggerService;
      now: () => Date;
      retentionDays: number;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<AlertsRefreshResult> {
    const { auth, catalog, logger, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const mapper = new AlertEntityMapper({ label: this.options.mappingLabel });
    const entities = new Map<string, Entity>();
    const facts = new Map<string, AlertEntityFacts>();
    for await (const page of catalogEntityPages(
      catalog,
      { filter: { kind: ALERT_ENTITY_KINDS }, pageSize: PAGE_SIZE },
      credentials,
    )) {
      if (signal?.aborted) break;
      mapper.add(page);
      for (const entity of page) {
        const f = alertEntityFacts(entity);
        entities.set(f.entityRef, entity);
        facts.set(f.entityRef, f);
      }
    }
    if (signal?.aborted) {
      return { sources: [], summarised: 0, removed: 0, expired: 0 };
    }
    for (const problem of mapper.problems) {
      logger.warn(`Alert mapping of ${problem.entityRef}: ${problem.error}`);
    }

    const sources = await this.options.sync.syncAll(mapper, signal);

    // Entities to summarise: those with alerts, tier-1 components, resources tier-1 components depend on.
    const withAlerts = await store.listEntitiesWithAlerts();
    const dependents = new Map<
      string,
      Array<{ entityRef: string; tier: string | null }>
    >();
    for (const f of facts.values()) {
      for (const target of f.dependsOn) {
        dependents.set(target, [
          ...(dependents.get(target) ?? []),
          { entityRef: f.entityRef, tier: f.tier },
        ]);
      }
    }
    const tracked = new Set<string>(withAlerts.filter(ref => facts.has(ref)));
    for (const f of facts.values()) {
      if (f.kind === 'component' && isTierOne(f.tier)) tracked.add(f.entityRef);
      if (
        f.kind === 'resource' &&
        (dependents.get(f.entityRef) ?? []).some(d => isTierOne(d.tier))
      ) {
        tracked.add(f.entityRef);
      }
    }
    let summarised = 0;
    for (const refs of chunk([...tracked].sort(), SUMMARY_BATCH)) {
      if (signal?.aborted) break;
      const slos = await this.options.slo.getSummaries(
        refs.filter(ref => facts.get(ref)!.kind === 'component'),
      );
      const targets: AlertRefreshTarget[] = refs.map(ref => ({
        entity: entities.get(ref)!,
        facts: facts.get(ref)!,
        sloCount: slos.get(ref)?.sloCount ?? 0,
        dependents: dependents.get(ref) ?? [],
      }));
      try {
        summarised += (await this.options.service.refreshSummaries(targets))
          .length;
      } catch (error) {
        logger.warn(
          `Summarising the alerts of ${refs.length} entities failed: ${error}`,
        );
      }
    }
    if (signal?.aborted) {
      return { sources, summarised, removed: 0, expired: 0 };
    }

    // Rows of entities not seen in the walk: gone from the catalog, or of kinds the walk does not cover.
    const gone: string[] = [];
    for (const refs of chunk(
      (await store.listEntityRefs()).filter(ref => !facts.has(ref)),
      EXISTENCE_BATCH,
    )) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: refs,
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      refs.forEach((ref, i) => {
        if (!items[i]) gone.push(ref);
        else tracked.add(entityRefKey(items[i]!));
      });
    }
    await store.deleteEntities(gone);
    const untracked = (await store.listSummaries())
      .map(s => s.entityRef)
      .filter(ref => !tracked.has(ref));
    await store.deleteSummaries(untracked);
    const expired = await store.deleteFiringsStartedBefore(
      new Date(
        this.options.now().getTime() - this.options.retentionDays * DAY_MS,
      ),
    );
    logger.info(
      `Refreshed alerts: ${sources.filter(s => s.ok).length}/${
        sources.length
      } sources read, ${summarised} entities summarised, ${
        gone.length
      } entities gone from the catalog removed, ${expired} firings past retention deleted`,
    );
    return { sources, summarised, removed: gone.length, expired };
  }
}
