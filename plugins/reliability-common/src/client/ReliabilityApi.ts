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
  LearningProgressRequest,
  LearningProgressResponse,
  MyLearningPathsResponse,
  TeamLearningProgressResponse,
} from '../learning';
import {
  ArchitectureTour,
  BlastRadius,
  OverviewCsvExport,
  OverviewPage,
  OverviewQuery,
  OverviewSummariesResponse,
} from '../overview';
import {
  EntityRunbookResponse,
  EntityRunbooksResponse,
} from '../runbooks/types';
import {
  EntitySlosResponse,
  SloBurndownResponse,
  SloHistoryResponse,
} from '../slo/api';
import {
  CreateDeployGateOverrideRequest,
  DeployGateActivity,
  DeployGateOverride,
  DeployGateResponse,
  EntityPolicyResponse,
  RevokeDeployGateOverrideRequest,
} from '../policy/api';
import { SloReport, SloReportScope } from '../policy/report/api';

/**
 * Everything the reliability backend's REST API offers, as a typed interface.
 * Each area of the suite (SLOs, on-call, runbooks, checklist, overview) adds its methods here.
 *
 * @public
 */
export interface ReliabilityApi {
  /** SLO definitions of an entity (with definition problems) and each SLO's newest state. */
  getEntitySlos(entityRef: CompoundEntityRef): Promise<EntitySlosResponse>;
  /** Collected states of one SLO over [from, to] (bounded and downsampled by the backend). */
  getSloHistory(
    entityRef: CompoundEntityRef,
    sloName: string,
    range: { from: Date; to: Date },
  ): Promise<SloHistoryResponse>;
  /** Error-budget burn-down of one SLO over its current window, computed from the SLI provider. */
  getSloBurndown(
    entityRef: CompoundEntityRef,
    sloName: string,
  ): Promise<SloBurndownResponse>;
  /** On-call state of an entity: who is on call now, until when, escalation; or a degraded state. */
  getEntityOnCall(entityRef: CompoundEntityRef): Promise<EntityOnCall>;
  /** On-call view of a team: on call now per owned entity, load per person, single-person rotations. */
  getGroupOnCall(groupRef: CompoundEntityRef): Promise<GroupOnCall>;
  /** Runbooks of an entity (optionally searched by `q` in title, answers and body), with SLO alert coverage. */
  getEntityRunbooks(
    entityRef: CompoundEntityRef,
    options?: { q?: string },
  ): Promise<EntityRunbooksResponse>;
  /** One runbook of an entity with its Markdown body (null for linked runbooks). */
  getEntityRunbook(
    entityRef: CompoundEntityRef,
    id: string,
  ): Promise<EntityRunbookResponse>;
  /** The reliability-maturity checklist in force (levels, categories, items). */
  getChecklist(): Promise<Checklist>;
  /** Current maturity of an entity: score and level explained item by item, automatic results, latest answers. */
  getEntityMaturity(entityRef: CompoundEntityRef): Promise<EntityMaturity>;
  /** Every submitted assessment of an entity (score over time), oldest first. */
  getEntityMaturityHistory(
    entityRef: CompoundEntityRef,
  ): Promise<MaturityHistory>;
  /** Submits a self-assessment (403 unless permitted, 409 when the checklist changed). */
  submitMaturityAssessment(
    entityRef: CompoundEntityRef,
    request: SubmitAssessmentRequest,
  ): Promise<AssessmentRecord>;
  /** The caller's saved, unsubmitted assessment of an entity, or null. */
  getMaturityDraft(
    entityRef: CompoundEntityRef,
  ): Promise<AssessmentDraft | null>;
  /** Saves the caller's unsubmitted assessment of an entity (save and resume). */
  saveMaturityDraft(
    entityRef: CompoundEntityRef,
    request: SaveDraftRequest,
  ): Promise<AssessmentDraft>;
  /** Exemptions of an entity's checklist items (open ones first), and what the caller may do with them. */
  getEntityExemptions(
    entityRef: CompoundEntityRef,
  ): Promise<EntityExemptionsResponse>;
  /** Exemptions across the entities the caller can see: pending, active (the default) or all. */
  listExemptions(options?: {
    status?: 'pending' | 'active' | 'all';
  }): Promise<ExemptionsListResponse>;
  /** Requests an exemption of one item (owners; 409 when the item already has an open one). */
  requestExemption(
    entityRef: CompoundEntityRef,
    request: RequestExemptionRequest,
  ): Promise<MaturityExemption>;
  /** Approves or rejects the pending exemption of an item (reliability admins). */
  decideExemption(
    entityRef: CompoundEntityRef,
    itemId: string,
    request: DecideExemptionRequest,
  ): Promise<MaturityExemption>;
  /** Ends the open exemption of an item, now or at `endsAt` (reliability admins). */
  revokeExemption(
    entityRef: CompoundEntityRef,
    itemId: string,
    request: RevokeExemptionRequest,
  ): Promise<MaturityExemption>;
  /** Campaigns with a status (default `active`, or `all`) and their progress, and whether the caller may manage them. */
  listCampaigns(options?: {
    status?: CampaignStatus | 'all';
  }): Promise<CampaignsListResponse>;
  /** One campaign: progress per team, what is left per service, burn-up snapshots. */
  getCampaign(id: string): Promise<CampaignDetail>;
  /** Creates or replaces a campaign (`reliability.campaign.manage`; 409 for campaigns kept as code). */
  putCampaign(id: string, input: CampaignInput): Promise<Campaign>;
  /** Active campaigns that concern an entity and what is left for it. */
  getEntityCampaigns(
    entityRef: CompoundEntityRef,
  ): Promise<EntityCampaignsResponse>;
  /** Maturity of services grouped by owning team, system, domain or the whole org. */
  getMaturityRollups(by: RollupDimension): Promise<MaturityRollupsResponse>;
  /** Daily maturity (and, for teams and the org, SLO attainment) snapshots of a scope over the last days. */
  getTrendSeries(query: TrendSeriesQuery): Promise<TrendSeriesResponse>;
  /** Teams ranked by current maturity score and by improvement over the last 90 days. */
  getTrendLeaderboard(options?: {
    limit?: number;
  }): Promise<TrendLeaderboardResponse>;
  /** One page of the org overview (services with SLO, on-call, runbook and maturity state), filtered and sorted. */
  getOverview(query: OverviewQuery): Promise<OverviewPage>;
  /** The org overview with the same filters as CSV, with how many services match and how many it holds. */
  getOverviewCsv(query: OverviewQuery): Promise<OverviewCsvExport>;
  /** Reliability roll-ups per owning team or per system. */
  getOverviewSummaries(
    by: 'team' | 'system',
  ): Promise<OverviewSummariesResponse>;
  /** Architecture tour of a system (map, reliability state, reading path). */
  getSystemTour(systemRef: CompoundEntityRef): Promise<ArchitectureTour>;
  /** Architecture tour of a domain (its systems and their components). */
  getDomainTour(domainRef: CompoundEntityRef): Promise<ArchitectureTour>;
  /** Everything that depends on a component (or resource, API), transitively, with its rollbacks and pre-mortems. */
  getBlastRadius(entityRef: CompoundEntityRef): Promise<BlastRadius>;
  /** Error-budget policy of an entity: its state per SLO and for the service, since when, and the history. */
  getEntityPolicy(entityRef: CompoundEntityRef): Promise<EntityPolicyResponse>;
  /**
   * Asks the deploy gate (allow / warn / deny with reasons). Every call is recorded as a gate answer: meant for
   * pipelines and tools about to deploy, not for display (use getDeployGateActivity).
   */
  getDeployGate(
    entityRef: CompoundEntityRef,
    options?: { context?: string },
  ): Promise<DeployGateResponse>;
  /** The deploy gate's last answers for an entity and its active and recent overrides. */
  getDeployGateActivity(
    entityRef: CompoundEntityRef,
  ): Promise<DeployGateActivity>;
  /** Creates a break-glass override of the deploy gate (403 unless permitted). */
  createDeployGateOverride(
    entityRef: CompoundEntityRef,
    request: CreateDeployGateOverrideRequest,
  ): Promise<DeployGateOverride>;
  /** Ends an active override of the deploy gate early, with the reason (403 unless permitted). */
  revokeDeployGateOverride(
    entityRef: CompoundEntityRef,
    overrideId: string,
    request: RevokeDeployGateOverrideRequest,
  ): Promise<DeployGateOverride>;
  /** SLO review report of a team (`owner`) or a system: last complete and current window of each SLO. */
  getSloReport(scope: SloReportScope): Promise<SloReport>;
  /** The same report as Markdown (to paste into a meeting note) or CSV. */
  getSloReportText(
    scope: SloReportScope,
    format: 'markdown' | 'csv',
  ): Promise<string>;
  /** Incidents of an entity over the last 90 days, with MTTA and MTTR per severity and postmortem states. */
  getEntityIncidents(
    entityRef: CompoundEntityRef,
  ): Promise<EntityIncidentsResponse>;
  /** Postmortems of an entity, missing and overdue ones, open action items and upcoming launches. */
  getEntityPostmortems(
    entityRef: CompoundEntityRef,
  ): Promise<EntityPostmortemsResponse>;
  /** Missing and overdue postmortems and open action items of a team (`owner`, a group ref), or the organisation's teams with the most overdue work. */
  getIncidentFollowUp(options?: {
    owner?: string;
  }): Promise<IncidentFollowUpResponse>;
  /** Writes incidents to the embedded source (403 unless permitted); the same id again updates the incident. */
  reportIncidents(
    entityRef: CompoundEntityRef,
    request: IncidentsIngestRequest,
  ): Promise<IncidentsIngestResponse>;
  /** The alerts and monitors of an entity: state, runbook, firings over 30 days, noise, coverage and gap. */
  getEntityAlerts(entityRef: CompoundEntityRef): Promise<EntityAlertsResponse>;
  /** Monitoring coverage, noisy alerts and gaps of a team (`owner`, a group ref) or of the organisation. */
  getAlertsCoverage(options?: {
    owner?: string;
  }): Promise<AlertsCoverageResponse>;
  /** Writes alerts and firings to the embedded alert source (403 unless permitted); idempotent. */
  reportAlerts(
    entityRef: CompoundEntityRef,
    request: AlertsIngestRequest,
  ): Promise<AlertsIngestResponse>;
  /**
   * Whether each of the suite's background tasks (SLO collection, refreshes, snapshots) runs on time: schedule,
   * last run and state; failures' messages only for reliability admins.
   */
  getBackgroundWork(): Promise<BackgroundWorkResponse>;
  /** Runs a background task now (reliability admins; 403 otherwise, 409 while it runs), with the reason why. */
  triggerBackgroundTask(
    taskId: string,
    request: BackgroundTaskTriggerRequest,
  ): Promise<BackgroundTaskTriggerResponse>;
  /** The learning paths of the signed-in user's teams, with the user's own progress. */
  getMyLearningPaths(): Promise<MyLearningPathsResponse>;
  /** Ticks an item of one of the user's learning paths off (`done: true`) or un-ticks it (own progress only). */
  setLearningItemDone(
    request: LearningProgressRequest,
  ): Promise<LearningProgressResponse>;
  /** A team's aggregated learning progress: numbers only when the team opted in to sharing it. */
  getTeamLearningProgress(
    groupRef: CompoundEntityRef,
  ): Promise<TeamLearningProgressResponse>;
}
