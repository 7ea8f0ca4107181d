import {
  BackgroundTaskTriggerRequest,
  BackgroundTaskTriggerResponse,
  BackgroundWorkResponse,
} from '../backgroundWork';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AlertsCoverageResponse,
  AlertsIngestRequest,
  AlertsIngestResponse,
  EntityAlertsResponse,
} from '../alerts/types';
import { ResponseError } from '@backstage/errors';
import {
  EntitySlosResponse,
  SloBurndownResponse,
  SloHistoryResponse,
} from '../slo/api';
import { ReliabilityApi } from './ReliabilityApi';
import {
  LearningProgressRequest,
  LearningProgressResponse,
  MyLearningPathsResponse,
  TeamLearningProgressResponse,
} from '../learning';
import {
  CreateDeployGateOverrideRequest,
  DeployGateActivity,
  DeployGateOverride,
  DeployGateResponse,
  EntityPolicyResponse,
  RevokeDeployGateOverrideRequest,
} from '../policy/api';
import { SloReport, SloReportScope } from '../policy/report/api';
import {
  AssessmentDraft,
  AssessmentRecord,
  Checklist,
  DecideExemptionRequest,
  EntityExemptionsResponse,
  EntityMaturity,
  ExemptionsListResponse,
  MaturityExemption,
  RequestExemptionRequest,
  RevokeExemptionRequest,
  MaturityHistory,
  MaturityRollupsResponse,
  RollupDimension,
  SaveDraftRequest,
  SubmitAssessmentRequest,
} from '../checklist';
import {
  Campaign,
  CampaignDetail,
  CampaignInput,
  CampaignsListResponse,
  CampaignStatus,
  EntityCampaignsResponse,
} from '../campaigns';
import {
  TrendLeaderboardResponse,
  TrendSeriesQuery,
  TrendSeriesResponse,
} from '../trends';
import {
  EntityIncidentsResponse,
  EntityPostmortemsResponse,
  IncidentFollowUpResponse,
  IncidentsIngestRequest,
  IncidentsIngestResponse,
} from '../incidents/api';
import { EntityOnCall, GroupOnCall } from '../oncall';
import {
  ArchitectureTour,
  BlastRadius,
  OverviewCsvExport,
  OverviewPage,
  OverviewQuery,
  OverviewSummariesResponse,
  overviewQueryString,
} from '../overview';
import {
  EntityRunbookResponse,
  EntityRunbooksResponse,
} from '../runbooks/types';

/** The subset of Backstage's DiscoveryApi the client needs (isomorphic). @public */
export interface ReliabilityDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The subset of Backstage's FetchApi the client needs (isomorphic). @public */
export interface ReliabilityFetch {
  fetch: typeof fetch;
}

/**
 * HTTP client for the reliability backend, usable from the browser (discoveryApi + fetchApi)
 * and from other backends.
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: ReliabilityDiscovery;
  private readonly fetchApi: ReliabilityFetch;

  constructor(options: {
    discoveryApi: ReliabilityDiscovery;
    fetchApi?: ReliabilityFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: globalThis.fetch };
  }

  /** Path of an entity under the API, e.g. `/entities/component/default/orders`. */
  static entityPath(entityRef: {
    kind: string;
    namespace?: string;
    name: string;
  }): string {
    return `/entities/${encodeURIComponent(
      entityRef.kind.toLowerCase(),
    )}/${encodeURIComponent(
      (entityRef.namespace ?? 'default').toLowerCase(),
    )}/${encodeURIComponent(entityRef.name)}`;
  }

  async getEntityOnCall(entityRef: CompoundEntityRef): Promise<EntityOnCall> {
    return this.get<EntityOnCall>(
      `${ReliabilityClient.entityPath(entityRef)}/oncall`,
    );
  }

  async getGroupOnCall(groupRef: CompoundEntityRef): Promise<GroupOnCall> {
    return this.get<GroupOnCall>(
      `/groups/${encodeURIComponent(
        (groupRef.namespace ?? 'default').toLowerCase(),
      )}/${encodeURIComponent(groupRef.name)}/oncall`,
    );
  }

  async getEntityRunbooks(
    entityRef: CompoundEntityRef,
    options: { q?: string } = {},
  ): Promise<EntityRunbooksResponse> {
    const q = options.q?.trim();
    const query = q ? `?${new URLSearchParams({ q })}` : '';
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/runbooks${query}`,
    );
  }

  async getEntityRunbook(
    entityRef: CompoundEntityRef,
    id: string,
  ): Promise<EntityRunbookResponse> {
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/runbooks/${encodeURIComponent(
        id,
      )}`,
    );
  }

  async getEntitySlos(
    entityRef: CompoundEntityRef,
  ): Promise<EntitySlosResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/slos`);
  }

  async getSloHistory(
    entityRef: CompoundEntityRef,
    sloName: string,
    range: { from: Date; to: Date },
  ): Promise<SloHistoryResponse> {
    const query = new URLSearchParams({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
    });
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/slos/${encodeURIComponent(
        sloName,
      )}/history?${query}`,
    );
  }

  async getSloBurndown(
    entityRef: CompoundEntityRef,
    sloName: string,
  ): Promise<SloBurndownResponse> {
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/slos/${encodeURIComponent(
        sloName,
      )}/burndown`,
    );
  }

  async getChecklist(): Promise<Checklist> {
    return this.get('/checklist');
  }

  async getEntityMaturity(
    entityRef: CompoundEntityRef,
  ): Promise<EntityMaturity> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/maturity`);
  }

  async getEntityMaturityHistory(
    entityRef: CompoundEntityRef,
  ): Promise<MaturityHistory> {
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/maturity/history`,
    );
  }

  async submitMaturityAssessment(
    entityRef: CompoundEntityRef,
    request: SubmitAssessmentRequest,
  ): Promise<AssessmentRecord> {
    return this.post(
      `${ReliabilityClient.entityPath(entityRef)}/maturity/assessments`,
      request,
    );
  }

  async getMaturityDraft(
    entityRef: CompoundEntityRef,
  ): Promise<AssessmentDraft | null> {
    const { draft } = await this.get<{ draft: AssessmentDraft | null }>(
      `${ReliabilityClient.entityPath(entityRef)}/maturity/draft`,
    );
    return draft;
  }

  async saveMaturityDraft(
    entityRef: CompoundEntityRef,
    request: SaveDraftRequest,
  ): Promise<AssessmentDraft> {
    const { draft } = await this.put<{ draft: AssessmentDraft }>(
      `${ReliabilityClient.entityPath(entityRef)}/maturity/draft`,
      request,
    );
    return draft;
  }

  async getEntityExemptions(
    entityRef: CompoundEntityRef,
  ): Promise<EntityExemptionsResponse> {
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/maturity/exemptions`,
    );
  }

  async listExemptions(
    options: { status?: 'pending' | 'active' | 'all' } = {},
  ): Promise<ExemptionsListResponse> {
    const query = options.status
      ? `?${new URLSearchParams({ status: options.status })}`
      : '';
    return this.get(`/exemptions${query}`);
  }

  async requestExemption(
    entityRef: CompoundEntityRef,
    request: RequestExemptionRequest,
  ): Promise<MaturityExemption> {
    return this.post(
      `${ReliabilityClient.entityPath(entityRef)}/maturity/exemptions`,
      request,
    );
  }

  async decideExemption(
    entityRef: CompoundEntityRef,
    itemId: string,
    request: DecideExemptionRequest,
  ): Promise<MaturityExemption> {
    return this.post(
      `${ReliabilityClient.entityPath(
        entityRef,
      )}/maturity/exemptions/${encodeURIComponent(itemId)}/decision`,
      request,
    );
  }

  async revokeExemption(
    entityRef: CompoundEntityRef,
    itemId: string,
    request: RevokeExemptionRequest,
  ): Promise<MaturityExemption> {
    return this.request(
      `${ReliabilityClient.entityPath(
        entityRef,
      )}/maturity/exemptions/${encodeURIComponent(itemId)}`,
      {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  async listCampaigns(
    options: { status?: CampaignStatus | 'all' } = {},
  ): Promise<CampaignsListResponse> {
    const query = options.status
      ? `?${new URLSearchParams({ status: options.status })}`
      : '';
    return this.get(`/campaigns${query}`);
  }

  async getCampaign(id: string): Promise<CampaignDetail> {
    return this.get(`/campaigns/${encodeURIComponent(id)}`);
  }

  async putCampaign(id: string, input: CampaignInput): Promise<Campaign> {
    return this.put(`/campaigns/${encodeURIComponent(id)}`, input);
  }

  async getEntityCampaigns(
    entityRef: CompoundEntityRef,
  ): Promise<EntityCampaignsResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/campaigns`);
  }

  async getTrendSeries(query: TrendSeriesQuery): Promise<TrendSeriesResponse> {
    const params = new URLSearchParams({ scope: query.scope });
    if (query.ref !== undefined) params.set('ref', query.ref);
    if (query.days !== undefined) params.set('days', String(query.days));
    return this.get(`/trends?${params}`);
  }

  async getTrendLeaderboard(
    options: { limit?: number } = {},
  ): Promise<TrendLeaderboardResponse> {
    const query =
      options.limit !== undefined
        ? `?${new URLSearchParams({ limit: String(options.limit) })}`
        : '';
    return this.get(`/trends/leaderboard${query}`);
  }

  async getMaturityRollups(
    by: RollupDimension,
  ): Promise<MaturityRollupsResponse> {
    return this.get(`/rollups?${new URLSearchParams({ by })}`);
  }

  async getOverview(query: OverviewQuery): Promise<OverviewPage> {
    return this.get(`/overview${overviewQueryString(query)}`);
  }

  async getOverviewCsv(query: OverviewQuery): Promise<OverviewCsvExport> {
    const { limit: _limit, cursor: _cursor, ...filters } = query;
    const response = await this.fetchOk(
      `/overview.csv${overviewQueryString(filters)}`,
    );
    const csv = await response.text();
    // Counted from the body when the headers are missing (a backend from before the cap was reported).
    const rows = csv.split('\r\n').filter(Boolean).length - 1;
    const count = (header: string) => {
      const value = Number(response.headers.get(header) ?? NaN);
      return Number.isInteger(value) && value >= 0 ? value : Math.max(rows, 0);
    };
    return {
      csv,
      totalItems: count('X-Reliability-Total-Items'),
      exportedItems: count('X-Reliability-Exported-Items'),
    };
  }

  async getOverviewSummaries(
    by: 'team' | 'system',
  ): Promise<OverviewSummariesResponse> {
    return this.get(`/overview/summaries?${new URLSearchParams({ by })}`);
  }

  async getSystemTour(systemRef: CompoundEntityRef): Promise<ArchitectureTour> {
    return this.get(ReliabilityClient.tourPath('systems', systemRef));
  }

  async getDomainTour(domainRef: CompoundEntityRef): Promise<ArchitectureTour> {
    return this.get(ReliabilityClient.tourPath('domains', domainRef));
  }

  async getBlastRadius(entityRef: CompoundEntityRef): Promise<BlastRadius> {
    return this.get(
      `/tour/blast-radius${ReliabilityClient.entityPath(entityRef).slice(
        '/entities'.length,
      )}`,
    );
  }

  async getEntityPolicy(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPolicyResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/policy`);
  }

  async getDeployGate(
    entityRef: CompoundEntityRef,
    options: { context?: string } = {},
  ): Promise<DeployGateResponse> {
    const context = options.context?.trim();
    const query = context ? `?${new URLSearchParams({ context })}` : '';
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/deploy-gate${query}`,
    );
  }

  async getDeployGateActivity(
    entityRef: CompoundEntityRef,
  ): Promise<DeployGateActivity> {
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/deploy-gate/activity`,
    );
  }

  async createDeployGateOverride(
    entityRef: CompoundEntityRef,
    request: CreateDeployGateOverrideRequest,
  ): Promise<DeployGateOverride> {
    return this.post(
      `${ReliabilityClient.entityPath(entityRef)}/deploy-gate/overrides`,
      request,
    );
  }

  async revokeDeployGateOverride(
    entityRef: CompoundEntityRef,
    overrideId: string,
    request: RevokeDeployGateOverrideRequest,
  ): Promise<DeployGateOverride> {
    return this.request(
      `${ReliabilityClient.entityPath(
        entityRef,
      )}/deploy-gate/overrides/${encodeURIComponent(overrideId)}`,
      {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  async getSloReport(scope: SloReportScope): Promise<SloReport> {
    return this.get(ReliabilityClient.reportPath(scope));
  }

  async getSloReportText(
    scope: SloReportScope,
    format: 'markdown' | 'csv',
  ): Promise<string> {
    return this.getText(ReliabilityClient.reportPath(scope, format));
  }

  private static reportPath(scope: SloReportScope, format?: string): string {
    const query = new URLSearchParams(
      scope.owner !== undefined
        ? { owner: scope.owner }
        : { system: scope.system },
    );
    if (format) query.set('format', format);
    return `/reports/slo?${query}`;
  }

  private static tourPath(
    kind: 'systems' | 'domains',
    ref: CompoundEntityRef,
  ): string {
    return `/tour/${kind}/${encodeURIComponent(
      ref.namespace.toLowerCase(),
    )}/${encodeURIComponent(ref.name)}`;
  }

  async getEntityIncidents(
    entityRef: CompoundEntityRef,
  ): Promise<EntityIncidentsResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/incidents`);
  }

  async getEntityPostmortems(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostmortemsResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/postmortems`);
  }

  async getIncidentFollowUp(
    options: { owner?: string } = {},
  ): Promise<IncidentFollowUpResponse> {
    const query = options.owner
      ? `?${new URLSearchParams({ owner: options.owner })}`
      : '';
    return this.get(`/incidents/follow-up${query}`);
  }

  async reportIncidents(
    entityRef: CompoundEntityRef,
    request: IncidentsIngestRequest,
  ): Promise<IncidentsIngestResponse> {
    return this.post(
      `${ReliabilityClient.entityPath(entityRef)}/incidents`,
      request,
    );
  }

  async getEntityAlerts(
    entityRef: CompoundEntityRef,
  ): Promise<EntityAlertsResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/alerts`);
  }

  async getAlertsCoverage(
    options: { owner?: string } = {},
  ): Promise<AlertsCoverageResponse> {
    const query = options.owner
      ? `?${new URLSearchParams({ owner: options.owner })}`
      : '';
    return this.get(`/alerts/coverage${query}`);
  }

  async getBackgroundWork(): Promise<BackgroundWorkResponse> {
    return this.get('/background-work');
  }

  async triggerBackgroundTask(
    taskId: string,
    request: BackgroundTaskTriggerRequest,
  ): Promise<BackgroundTaskTriggerResponse> {
    return this.post(
      `/background-work/${encodeURIComponent(taskId)}/trigger`,
      request,
    );
  }

  async reportAlerts(
    entityRef: CompoundEntityRef,
    request: AlertsIngestRequest,
  ): Promise<AlertsIngestResponse> {
    return this.post(
      `${ReliabilityClient.entityPath(entityRef)}/alerts`,
      request,
    );
  }

  async getMyLearningPaths(): Promise<MyLearningPathsResponse> {
    return this.get('/learning/paths');
  }

  async setLearningItemDone(
    request: LearningProgressRequest,
  ): Promise<LearningProgressResponse> {
    return this.put('/learning/progress', request);
  }

  async getTeamLearningProgress(
    groupRef: CompoundEntityRef,
  ): Promise<TeamLearningProgressResponse> {
    return this.get(
      `/learning/teams/${encodeURIComponent(
        groupRef.namespace.toLowerCase(),
      )}/${encodeURIComponent(groupRef.name)}`,
    );
  }

  /** GET a JSON resource of the reliability backend. */
  protected async get<T>(path: string): Promise<T> {
    return this.request<T>(path, { method: 'GET' });
  }

  /** POST JSON to the reliability backend. */
  protected async post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** PUT JSON to the reliability backend. */
  protected async put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Raw text (e.g. CSV) from the reliability backend. */
  protected async getText(path: string): Promise<string> {
    return (await this.fetchOk(path)).text();
  }

  private async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl('reliability')}${path}`;
  }

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    return (await (await this.fetchOk(path, init)).json()) as T;
  }

  /** The backend's response to `path`; a response that is not OK is thrown as a `ResponseError`. */
  private async fetchOk(path: string, init?: RequestInit): Promise<Response> {
    const response = await this.fetchApi.fetch(await this.url(path), init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
