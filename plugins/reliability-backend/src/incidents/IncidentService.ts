import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  ActionItemView,
  EntityIncidentsResponse,
  EntityPostmortemsResponse,
  entityRefKey,
  Incident,
  IncidentSeverity,
  IncidentSourceStatus,
  IncidentsIngestResponse,
  IncidentSummary,
  IncidentView,
  isActionItemOpen,
  PostmortemPolicy,
  PostmortemView,
  responseTimesBySeverity,
} from '@internal/backstage-plugin-reliability-common';
import { INCIDENT_WINDOW_DAYS } from './config';
import {
  IncidentDocument,
  IncidentDocumentSource,
} from './postmortems/IncidentDocumentSource';
import {
  actionItemViews,
  incidentViews,
  openActionItemsInOrder,
  upcomingLaunches,
} from './postmortems/postmortemState';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { ProviderIncidentSync } from './sources/ProviderIncidentSync';
import { IncidentStore } from './store/IncidentStore';
import { AcknowledgeTarget } from './acknowledgeTarget';
import { TeamSettings } from './TeamSettings';

const DAY_MS = 24 * 3600_000;

/** The source of incidents written through the API. */
export const EMBEDDED_INCIDENT_SOURCE = 'embedded';

/** Everything the views of one entity are computed from. */
interface EntityIncidentState {
  entityRef: string;
  now: Date;
  policy: PostmortemPolicy;
  incidents: IncidentView[];
  documents: IncidentDocument[];
  documentError: string | null;
  actionItems: ActionItemView[];
  acknowledgeTarget: AcknowledgeTarget;
}

/**
 * The incidents area's logic: writes of the embedded source, the incidents of an entity over the last 90 days
 * with MTTA and MTTR per severity, the postmortems that explain them (read through the runbooks area), which
 * ones are missing or overdue, open action items and upcoming launches; and the per-entity summary the
 * refresher stores.
 */
export class IncidentService {
  constructor(
    private readonly deps: {
      store: IncidentStore;
      documents: IncidentDocumentSource;
      /** Time zone and acknowledge target of each entity's team (with the configured defaults). */
      teamSettings: TeamSettings;
      sync: ProviderIncidentSync;
      postmortemSeverity: IncidentSeverity;
      postmortemBusinessDays: number;
      /** What the UI calls the embedded source (`embedded (demo data)` in demo mode). */
      embeddedLabel: string;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  /** Writes incidents of one entity to the embedded source, creating or updating each by id. */
  async ingest(
    entityRef: string,
    incidents: Array<Omit<Incident, 'source'>>,
  ): Promise<IncidentsIngestResponse> {
    const written = await this.deps.store.upsertIncidents(
      entityRef,
      incidents.map(incident => ({
        ...incident,
        source: EMBEDDED_INCIDENT_SOURCE,
      })),
      this.deps.now(),
    );
    return { entityRef, written };
  }

  /** True when the refresher should keep a summary of the entity: a provider serves it or it has documents. */
  tracks(entity: Entity): boolean {
    return (
      this.deps.sync.supporting(entity).length > 0 ||
      Boolean(entity.metadata.annotations?.[ANNOTATIONS.runbooks]?.trim())
    );
  }

  async getEntityIncidents(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityIncidentsResponse> {
    const state = await this.loadState(entity, credentials);
    return {
      entityRef: state.entityRef,
      windowDays: INCIDENT_WINDOW_DAYS,
      incidents: state.incidents,
      bySeverity: responseTimesBySeverity(state.incidents),
      sources: await this.sourceStatuses(entity, state.entityRef),
      postmortemPolicy: state.policy,
      generatedAt: state.now.toISOString(),
    };
  }

  async getEntityPostmortems(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityPostmortemsResponse> {
    const state = await this.loadState(entity, credentials);
    const postmortemDocuments = state.documents.filter(
      d => d.entry.kind === 'postmortem' && d.entry.error === null,
    );
    const known = await this.deps.store.findIncidentIds(
      state.entityRef,
      postmortemDocuments.flatMap(d => d.details?.incidents ?? []),
    );
    const postmortems: PostmortemView[] = postmortemDocuments.map(d => {
      const incidents = d.details?.incidents ?? [];
      return {
        id: d.entry.id,
        title: d.entry.title,
        url: d.entry.url,
        incidents,
        unknownIncidents: incidents.filter(id => !known.has(id.toLowerCase())),
        actionItems: state.actionItems.filter(
          i => i.postmortemId === d.entry.id,
        ),
      };
    });
    const missing = state.incidents
      .filter(
        i => i.postmortem.state === 'due' || i.postmortem.state === 'overdue',
      )
      .sort(
        (a, b) =>
          Number(b.postmortem.state === 'overdue') -
            Number(a.postmortem.state === 'overdue') ||
          b.startedAt.localeCompare(a.startedAt),
      );
    const summary = this.summarize(state);
    return {
      entityRef: state.entityRef,
      postmortems,
      missing,
      actionItems: openActionItemsInOrder(state.actionItems),
      counts: {
        postmortemsDue: summary.postmortemsDue,
        postmortemsOverdue: summary.postmortemsOverdue,
        openActionItems: summary.openActionItems,
        overdueActionItems: summary.overdueActionItems,
      },
      launches: upcomingLaunches(
        state.documents,
        state.now,
        state.policy.timeZone,
      ),
      problems: [
        ...(state.documentError
          ? [{ title: 'Documents', error: state.documentError }]
          : []),
        ...state.documents
          .filter(d => d.entry.error !== null)
          .map(d => ({ title: d.entry.title, error: d.entry.error! })),
      ],
      postmortemPolicy: state.policy,
      generatedAt: state.now.toISOString(),
    };
  }

  /**
   * The refresher's work for one entity (with the plugin's own credentials): reads its providers, then stores
   * its summary and action items.
   */
  async refreshEntity(
    entity: Entity,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
    /** Counts provider reads refused by a vendor's request budget (see ProviderIncidentSync.sync). */
    budget?: ProviderBudgetTally,
  ): Promise<IncidentSummary> {
    await this.deps.sync.sync(entity, signal, budget);
    const state = await this.loadState(entity, credentials);
    const summary = this.summarize(state);
    await this.deps.store.replaceSummary(summary, state.actionItems);
    return summary;
  }

  /** Every entity the area has rows for (team and organisation views read their summaries). */
  listEntityRefs(): Promise<string[]> {
    return this.deps.store.listEntityRefs();
  }

  /** Which incidents need a postmortem, and how soon (the time zone is per team). */
  postmortemRequirement(): {
    severity: IncidentSeverity;
    businessDays: number;
  } {
    return {
      severity: this.deps.postmortemSeverity,
      businessDays: this.deps.postmortemBusinessDays,
    };
  }

  /** Stored summaries of the given entities (the area's SummarySource). */
  getSummaries(entityRefs: string[]): Promise<Map<string, IncidentSummary>> {
    return this.deps.store.getSummaries(entityRefs);
  }

  private summarize(state: EntityIncidentState): IncidentSummary {
    const count = (predicate: (i: IncidentView) => boolean) =>
      state.incidents.filter(predicate).length;
    const open = state.actionItems.filter(isActionItemOpen);
    const acknowledged = state.incidents.flatMap(i =>
      i.timeToAcknowledgeSeconds === null ? [] : [i.timeToAcknowledgeSeconds],
    );
    return {
      entityRef: state.entityRef,
      incidents: state.incidents.length,
      openIncidents: count(i => i.status !== 'resolved'),
      postmortemsDue: count(i => i.postmortem.state === 'due'),
      postmortemsOverdue: count(i => i.postmortem.state === 'overdue'),
      openActionItems: open.length,
      overdueActionItems: open.filter(i => i.overdue).length,
      acknowledged: acknowledged.length,
      mttaSeconds:
        acknowledged.length === 0
          ? null
          : acknowledged.reduce((sum, s) => sum + s, 0) / acknowledged.length,
      acknowledgeTargetSeconds: state.acknowledgeTarget.seconds,
      acknowledgeTargetSetBy: state.acknowledgeTarget.setBy,
      acknowledgeTargetProblem: state.acknowledgeTarget.problem,
      updatedAt: state.now.toISOString(),
    };
  }

  private async loadState(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityIncidentState> {
    const entityRef = entityRefKey(entity);
    const now = this.deps.now();
    const [team, incidents, documents] = await Promise.all([
      this.deps.teamSettings.resolve(entity, credentials),
      this.deps.store.listIncidents(
        entityRef,
        new Date(now.getTime() - INCIDENT_WINDOW_DAYS * DAY_MS),
      ),
      this.loadDocuments(entity),
    ]);
    const { timeZone, acknowledgeTarget } = team;
    const policy: PostmortemPolicy = {
      severity: this.deps.postmortemSeverity,
      businessDays: this.deps.postmortemBusinessDays,
      timeZone,
    };
    return {
      entityRef,
      now,
      policy,
      incidents: incidentViews(incidents, documents.list, policy, now),
      documents: documents.list,
      documentError: documents.error,
      actionItems: actionItemViews(documents.list, now, timeZone),
      acknowledgeTarget,
    };
  }

  private async loadDocuments(
    entity: Entity,
  ): Promise<{ list: IncidentDocument[]; error: string | null }> {
    try {
      return {
        list: (await this.deps.documents.load(entity)).runbooks,
        error: null,
      };
    } catch (error) {
      this.deps.logger.warn(
        `Cannot read the postmortems of ${entityRefKey(entity)}: ${error}`,
      );
      return {
        list: [],
        error: `Postmortems could not be read: ${
          error instanceof Error ? error.message : String(error)
        }`,
      };
    }
  }

  private async sourceStatuses(
    entity: Entity,
    entityRef: string,
  ): Promise<IncidentSourceStatus[]> {
    const [syncs, stored] = await Promise.all([
      this.deps.store.listSyncs(entityRef),
      this.deps.store.listSources(entityRef),
    ]);
    const bySource = new Map(syncs.map(s => [s.source, s]));
    const sources = [
      ...this.deps.sync.supporting(entity).map(p => p.id),
      ...stored,
    ];
    return [...new Set(sources)].map(source => {
      const sync = bySource.get(source);
      return {
        source,
        label:
          source === EMBEDDED_INCIDENT_SOURCE
            ? this.deps.embeddedLabel
            : source,
        syncedAt: sync?.syncedAt?.toISOString() ?? null,
        error: sync?.error ?? null,
      };
    });
  }
}
