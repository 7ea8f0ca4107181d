import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ALERT_WINDOW_DAYS,
  AlertGap,
  AlertNoiseRule,
  AlertPages,
  alertFiringStats,
  alertRunbookCoverage,
  AlertsCoverageResponse,
  AlertSourceStatus,
  AlertsIngestRequest,
  AlertsIngestResponse,
  AlertSummary,
  AlertView,
  EntityAlertsResponse,
  entityRefKey,
  isNoisyAlert,
  isSloBasedAlert,
  linkAlertRunbook,
  NoisyAlert,
  resourceAlertGap,
  RunbookAlertCoverage,
  RunbookEntry,
  serviceAlertGap,
  SloSummary,
  sumAlertRunbookCoverage,
  unownedAlertGaps,
} from '@internal/backstage-plugin-reliability-common';
import { isProviderNotConfiguredMessage } from '@internal/backstage-plugin-reliability-node';
import { chunk } from '../shared/chunk';
import { mapWithConcurrency } from '../shared/concurrency';
import { SummarySource } from '../summaries';
import { AlertRunbookSource } from './AlertRunbookSource';
import { AlertEntityFacts, alertEntityFacts } from './entityFacts';
import {
  AlertStore,
  FiringScope,
  NO_ENTITY,
  StoredAlert,
} from './store/AlertStore';

const DAY_MS = 24 * 3600_000;
/** The source of alerts written through the API. */
export const EMBEDDED_ALERT_SOURCE = 'embedded';
/** Most entities whose noisy alerts a team or organisation view lists. */
const MAX_NOISY_ENTITIES = 50;
/** Refs per catalog visibility check. */
const VISIBILITY_BATCH = 200;
const CONCURRENCY = 4;

/** One entity as the refresher hands it over: the entity, its facts and what its gap rule reads. */
export interface AlertRefreshTarget {
  entity: Entity;
  facts: AlertEntityFacts;
  /** SLO count of the entity (components). */
  sloCount: number;
  /** Entities depending on it, with their tiers (resources). */
  dependents: Array<{ entityRef: string; tier: string | null }>;
}

const STATE_ORDER = { firing: 0, 'no-data': 1, ok: 2 } as const;

function byRelevance(a: AlertView, b: AlertView): number {
  return (
    STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
    Number(b.pages) - Number(a.pages) ||
    a.name.localeCompare(b.name) ||
    a.source.localeCompare(b.source)
  );
}

/**
 * The alerts area's logic: writes of the embedded source, the alerts of an entity with their state, runbook,
 * firings over the last 30 days and noise, runbook coverage over the paging alerts, the entity's gap, and the
 * team and organisation views built from the summaries the refresher stores.
 */
export class AlertService {
  constructor(
    private readonly deps: {
      store: AlertStore;
      runbooks: AlertRunbookSource;
      slo: SummarySource<SloSummary>;
      catalog: CatalogService;
      /** Ids of the registered alert sources (the embedded one excepted). */
      sourceIds: readonly string[];
      noise: AlertNoiseRule;
      /** What the UI calls the embedded source (`embedded (demo data)` in demo mode). */
      embeddedLabel: string;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  get noiseRule(): AlertNoiseRule {
    return this.deps.noise;
  }

  /**
   * Writes alerts and firings of one entity to the embedded source (each alert by id, each firing by alert and
   * start: a second write updates). A firing must name an alert of the entity, written now or before.
   */
  async ingest(
    entityRef: string,
    body: AlertsIngestRequest,
  ): Promise<AlertsIngestResponse> {
    const { store } = this.deps;
    const now = this.deps.now();
    const alerts = (body.alerts ?? []).map(a => ({
      id: a.id,
      name: a.name,
      state: a.state,
      severity: a.severity ?? null,
      pages: a.pages,
      labels: a.labels ?? {},
      runbookUrl: a.runbookUrl ?? null,
      description: a.description ?? null,
      url: a.url ?? null,
      query: a.query ?? null,
    }));
    const firings = (body.firings ?? []).map(f => ({
      alertId: f.alertId,
      startedAt: new Date(f.startedAt).toISOString(),
      resolvedAt: f.resolvedAt ? new Date(f.resolvedAt).toISOString() : null,
    }));
    const written = new Set(alerts.map(a => a.id));
    const named = [...new Set(firings.map(f => f.alertId))];
    const stored = body.replace
      ? new Set<string>()
      : await store.findAlertIds(
          entityRef,
          EMBEDDED_ALERT_SOURCE,
          named.filter(id => !written.has(id)),
        );
    const unknown = named.filter(id => !written.has(id) && !stored.has(id));
    if (unknown.length > 0) {
      throw new InputError(
        `Invalid alerts: firings name alerts ${entityRef} does not have: ${unknown
          .slice(0, 10)
          .join(', ')}`,
      );
    }
    const { removed } = await store.upsertEntityAlerts(
      entityRef,
      EMBEDDED_ALERT_SOURCE,
      alerts,
      { at: now, replace: body.replace ?? false },
    );
    const firingCount = await store.upsertFirings(
      { source: EMBEDDED_ALERT_SOURCE, scope: entityRef },
      firings,
    );
    return { entityRef, alerts: alerts.length, firings: firingCount, removed };
  }

  /** The alerts of one entity (read by the caller with its credentials) with coverage, noise and gaps. */
  async getEntityAlerts(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityAlertsResponse> {
    const facts = alertEntityFacts(entity);
    const [{ alerts, sources }, sloCount, dependents] = await Promise.all([
      this.entityViews(entity),
      this.sloCount(facts),
      this.dependents(facts, credentials),
    ]);
    const gap = this.gapOf(facts, alerts, sloCount, dependents);
    return {
      entityRef: facts.entityRef,
      windowDays: ALERT_WINDOW_DAYS,
      alerts,
      coverage: alertRunbookCoverage(alerts),
      noisy: alerts.filter(a => a.noisy),
      gaps: gap ? [gap] : [],
      sources,
      noiseRule: this.deps.noise,
      stale: sources.some(s => s.stale),
      generatedAt: this.deps.now().toISOString(),
    };
  }

  /** The refresher's work: computes and stores the summaries of the given entities. */
  async refreshSummaries(
    targets: AlertRefreshTarget[],
  ): Promise<AlertSummary[]> {
    const summaries = await mapWithConcurrency(
      targets,
      CONCURRENCY,
      async t => {
        const { alerts } = await this.entityViews(t.entity);
        const gap = this.gapOf(t.facts, alerts, t.sloCount, t.dependents);
        const paging = alerts.filter(a => a.pages);
        const coverage = alertRunbookCoverage(alerts);
        return {
          entityRef: t.facts.entityRef,
          ownerRef: t.facts.ownerRef,
          alerts: alerts.length,
          pagingAlerts: coverage.pagingAlerts,
          pagingWithRunbook: coverage.pagingWithRunbook,
          firing: alerts.filter(a => a.state === 'firing').length,
          noisy: alerts.filter(a => a.noisy).length,
          fired: alerts.reduce((n, a) => n + a.fired, 0),
          sloBasedPaging: paging.filter(a => a.sloBased).length,
          stale: alerts.some(a => a.stale),
          gap,
          updatedAt: this.deps.now().toISOString(),
        } satisfies AlertSummary;
      },
    );
    await this.deps.store.replaceSummaries(summaries);
    return summaries;
  }

  /** Stored summaries of the given entities (the area's SummarySource). */
  getSummaries(entityRefs: string[]): Promise<Map<string, AlertSummary>> {
    return this.deps.store.getSummaries(entityRefs);
  }

  /**
   * The team view (`owner` a group ref) or the organisation view (`owner` null): coverage over the paging alerts,
   * entities with alerts or gaps, noisy alerts and gaps, of the entities the caller may see; the organisation
   * view adds the alerts no entity owns.
   */
  async getCoverage(
    owner: string | null,
    credentials: BackstageCredentials,
  ): Promise<AlertsCoverageResponse> {
    const ownerRef = owner
      ? entityRefKey(parseEntityRef(owner, { defaultKind: 'group' }))
      : null;
    const all = ownerRef
      ? await this.deps.store.listSummariesByOwner(ownerRef)
      : await this.deps.store.listSummaries();
    const visible = await this.visibleEntities(
      all.map(s => s.entityRef),
      credentials,
    );
    const summaries = all.filter(s => visible.has(s.entityRef));
    const noisyEntities = summaries
      .filter(s => s.noisy > 0)
      .slice(0, MAX_NOISY_ENTITIES);
    const noisy: NoisyAlert[] = (
      await mapWithConcurrency(noisyEntities, CONCURRENCY, async s => {
        const { alerts } = await this.entityViews(visible.get(s.entityRef)!);
        return alerts
          .filter(a => a.noisy)
          .map(alert => ({ entityRef: s.entityRef, alert }));
      })
    ).flat();
    const unowned = ownerRef
      ? []
      : await this.deps.store.listAlerts([NO_ENTITY]);
    const pages = ownerRef
      ? await this.pagesOf(summaries.map(s => s.entityRef))
      : null;
    return {
      owner: ownerRef,
      windowDays: ALERT_WINDOW_DAYS,
      coverage: sumAlertRunbookCoverage(summaries),
      entities: summaries,
      noisy: noisy.sort((a, b) => b.alert.fired - a.alert.fired),
      gaps: [
        ...summaries.flatMap(s => (s.gap ? [s.gap] : [])),
        ...unownedAlertGaps(unowned),
      ],
      sources: await this.sourceStatuses([]),
      pages,
      generatedAt: this.deps.now().toISOString(),
    };
  }

  /**
   * How often the paging alerts of the given entities paged over the window: firings that started within it,
   * each alert of a source counted once even when it maps to several of the entities.
   */
  private async pagesOf(entityRefs: string[]): Promise<AlertPages> {
    const since = new Date(
      this.deps.now().getTime() - ALERT_WINDOW_DAYS * DAY_MS,
    );
    const paging = (await this.deps.store.listAlerts(entityRefs)).filter(
      a => a.pages,
    );
    // Firings of a source's alerts are kept once per alert; those of embedded alerts per entity.
    const byScope = new Map<string, { scope: FiringScope; ids: Set<string> }>();
    for (const alert of paging) {
      const scope = {
        source: alert.source,
        scope:
          alert.source === EMBEDDED_ALERT_SOURCE ? alert.entityRef : NO_ENTITY,
      };
      const key = `${scope.source}\u0000${scope.scope}`;
      const entry = byScope.get(key) ?? { scope, ids: new Set<string>() };
      entry.ids.add(alert.id);
      byScope.set(key, entry);
    }
    let count = 0;
    let alerts = 0;
    for (const { scope, ids } of byScope.values()) {
      alerts += ids.size;
      const firings = await this.deps.store.listFirings(scope, [...ids], since);
      for (const list of firings.values()) {
        count += list.filter(
          f => Date.parse(f.startedAt) >= since.getTime(),
        ).length;
      }
    }
    return { windowDays: ALERT_WINDOW_DAYS, count, pagingAlerts: alerts };
  }

  private gapOf(
    facts: AlertEntityFacts,
    alerts: AlertView[],
    sloCount: number,
    dependents: Array<{ entityRef: string; tier: string | null }>,
  ): AlertGap | null {
    if (facts.kind === 'component') {
      return serviceAlertGap({
        entityRef: facts.entityRef,
        tier: facts.tier,
        sloCount,
        pagingAlerts: alerts.filter(a => a.pages).length,
      });
    }
    if (facts.kind === 'resource') {
      return resourceAlertGap({
        entityRef: facts.entityRef,
        alerts: alerts.length,
        dependents,
      });
    }
    return null;
  }

  private async sloCount(facts: AlertEntityFacts): Promise<number> {
    if (facts.kind !== 'component') return 0;
    const summaries = await this.deps.slo.getSummaries([facts.entityRef]);
    return summaries.get(facts.entityRef)?.sloCount ?? 0;
  }

  /** The entities depending on a resource that the caller may see, with their tiers. */
  private async dependents(
    facts: AlertEntityFacts,
    credentials: BackstageCredentials,
  ): Promise<Array<{ entityRef: string; tier: string | null }>> {
    if (facts.kind !== 'resource' || facts.dependencyOf.length === 0) return [];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: facts.dependencyOf.slice(0, VISIBILITY_BATCH),
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    return items
      .filter((e): e is Entity => Boolean(e))
      .map(e => {
        const f = alertEntityFacts(e);
        return { entityRef: f.entityRef, tier: f.tier };
      });
  }

  /** The entities among `refs` the caller may see, by ref. */
  private async visibleEntities(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const visible = new Map<string, Entity>();
    for (const batch of chunk(refs, VISIBILITY_BATCH)) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: batch },
        { credentials },
      );
      items.forEach(e => {
        if (e) visible.set(entityRefKey(e), e);
      });
    }
    return visible;
  }

  /** The alert views and source statuses of one entity. */
  private async entityViews(
    entity: Entity,
  ): Promise<{ alerts: AlertView[]; sources: AlertSourceStatus[] }> {
    const entityRef = entityRefKey(entity);
    const stored = await this.deps.store.listAlerts([entityRef]);
    const sources = await this.sourceStatuses(stored.map(a => a.source));
    const stale = new Set(sources.filter(s => s.stale).map(s => s.source));
    const { runbooks, sloAlerts } = stored.some(a => !a.runbookUrl)
      ? await this.loadRunbooks(entity)
      : { runbooks: [], sloAlerts: [] };
    const firings = await this.firingsOf(entityRef, stored);
    const now = this.deps.now();
    const alerts = stored.map(alert => {
      const stats = alertFiringStats(
        firings.get(`${alert.source}\u0000${alert.id}`) ?? [],
        now,
        this.deps.noise,
      );
      return {
        source: alert.source,
        id: alert.id,
        name: alert.name,
        state: alert.state,
        severity: alert.severity,
        pages: alert.pages,
        labels: alert.labels,
        description: alert.description,
        url: alert.url,
        runbook: linkAlertRunbook(alert, runbooks, sloAlerts),
        ...stats,
        noisy: isNoisyAlert(stats, this.deps.noise),
        sloBased: isSloBasedAlert(alert),
        stale: stale.has(alert.source),
      } satisfies AlertView;
    });
    return { alerts: alerts.sort(byRelevance), sources };
  }

  /** Firings of the window of an entity's alerts, keyed `source\0alertId`. */
  private async firingsOf(entityRef: string, alerts: StoredAlert[]) {
    const since = new Date(
      this.deps.now().getTime() - ALERT_WINDOW_DAYS * DAY_MS,
    );
    const bySource = new Map<string, string[]>();
    alerts.forEach(a =>
      bySource.set(a.source, [...(bySource.get(a.source) ?? []), a.id]),
    );
    const result = new Map<
      string,
      Array<{ startedAt: string; resolvedAt: string | null }>
    >();
    for (const [source, ids] of bySource) {
      const scope = source === EMBEDDED_ALERT_SOURCE ? entityRef : NO_ENTITY;
      const firings = await this.deps.store.listFirings(
        { source, scope },
        ids,
        since,
      );
      for (const [alertId, list] of firings) {
        result.set(`${source}\u0000${alertId}`, list);
      }
    }
    return result;
  }

  /** The entity's runbooks and the runbooks linked to its SLO alert policies; none when they cannot be read. */
  private async loadRunbooks(entity: Entity): Promise<{
    runbooks: RunbookEntry[];
    sloAlerts: RunbookAlertCoverage[];
  }> {
    try {
      const { runbooks, coverage } = await this.deps.runbooks.load(entity);
      return {
        runbooks: runbooks.map(r => r.entry),
        sloAlerts: coverage.alerts,
      };
    } catch (error) {
      this.deps.logger.warn(
        `Cannot read the runbooks of ${entityRefKey(
          entity,
        )} for its alerts: ${error}`,
      );
      return { runbooks: [], sloAlerts: [] };
    }
  }

  /** The registered sources and the given ones (of stored alerts), with their last reads. */
  private async sourceStatuses(extra: string[]): Promise<AlertSourceStatus[]> {
    const syncs = new Map(
      (await this.deps.store.listSyncs()).map(s => [s.source, s]),
    );
    const ids = [...new Set([...this.deps.sourceIds, ...extra])];
    return ids.map(source => {
      if (source === EMBEDDED_ALERT_SOURCE) {
        return {
          source,
          label: this.deps.embeddedLabel,
          syncedAt: null,
          error: null,
          stale: false,
        };
      }
      const sync = syncs.get(source);
      const notConfigured = isProviderNotConfiguredMessage(sync?.error);
      return {
        source,
        label: source,
        syncedAt: sync?.syncedAt?.toISOString() ?? null,
        error: sync?.error ?? null,
        stale: Boolean(sync?.error) && !notConfigured,
        notConfigured,
      };
    });
  }
}
