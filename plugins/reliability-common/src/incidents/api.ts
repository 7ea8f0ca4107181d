import { RunbookKind } from '../runbooks/types';
import { ActionItem } from './postmortems';
import { IncidentDurations, SeverityResponseTimes } from './responseTimes';
import { Incident, IncidentSeverity } from './types';

/**
 * Whether an incident has the postmortem it needs: `not-required` (below the configured severity), `written`
 * (a postmortem names it), `due` (needed, none yet, its deadline not passed or the incident still open),
 * `overdue` (needed, none, past its deadline).
 *
 * @public
 */
export type PostmortemState = 'not-required' | 'written' | 'due' | 'overdue';

/** A document of the entity (runbook id and title) that names an incident. @public */
export interface PostmortemReference {
  id: string;
  title: string;
}

/** One incident as the API lists it: the incident, its durations and its postmortem state. @public */
export interface IncidentView extends Incident, IncidentDurations {
  postmortem: {
    state: PostmortemState;
    /** End of the last business day a needed postmortem may take (ISO 8601); null when none is needed or the incident is open. */
    dueAt: string | null;
    /** The postmortems that name this incident. */
    documents: PostmortemReference[];
  };
}

/** How one incident source of the entity is doing. @public */
export interface IncidentSourceStatus {
  /** The provider's id (`pagerduty`, `opsgenie`) or `embedded`. */
  source: string;
  /** What the UI shows, e.g. `embedded (demo data)`. */
  label: string;
  /** When its incidents were last read (null for the embedded source, which is written to). */
  syncedAt: string | null;
  /** Why the last read failed; the incidents shown are then those read before. */
  error: string | null;
}

/** When postmortems are needed: incidents of `severity` or worse, within `businessDays` of their resolution. @public */
export interface PostmortemPolicy {
  severity: IncidentSeverity;
  businessDays: number;
  /** IANA time zone business days and due dates are counted in (the team's, else the configured default). */
  timeZone: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/incidents`. @public */
export interface EntityIncidentsResponse {
  entityRef: string;
  /** The window listed, in days back from `generatedAt` (90). */
  windowDays: number;
  /** Incidents started within the window, newest first. */
  incidents: IncidentView[];
  /** MTTA and MTTR per severity over the window, most severe first. */
  bySeverity: SeverityResponseTimes[];
  sources: IncidentSourceStatus[];
  postmortemPolicy: PostmortemPolicy;
  generatedAt: string;
}

/** An action item with the postmortem it comes from and whether it is overdue. @public */
export interface ActionItemView extends ActionItem {
  postmortemId: string;
  postmortemTitle: string;
  /** Open and past the end of its due day (team time zone). */
  overdue: boolean;
}

/** A postmortem document of the entity with what it names. @public */
export interface PostmortemView {
  id: string;
  title: string;
  /** Where to open it (http(s) or a path of this app), null when unknown. */
  url: string | null;
  /** Ids of the incidents it explains. */
  incidents: string[];
  /** Ids it names that no source of the entity reported within the retention period (typos, other services). */
  unknownIncidents: string[];
  actionItems: ActionItemView[];
}

/** A launch a document of the entity names (`launchDate`), with its pre-mortem and rollback procedures. @public */
export interface UpcomingLaunch {
  /** YYYY-MM-DD. */
  date: string;
  documentId: string;
  title: string;
  url: string | null;
  kind: RunbookKind;
  /** True when the document naming the launch is a pre-mortem. */
  hasPremortem: boolean;
  /** The entity's rollback runbooks, to have at hand on launch day. */
  rollbacks: PostmortemReference[];
}

/** Response of `GET /entities/:kind/:namespace/:name/postmortems`. @public */
export interface EntityPostmortemsResponse {
  entityRef: string;
  postmortems: PostmortemView[];
  /** Incidents of the window that need a postmortem and have none (`due`, `overdue`), overdue first. */
  missing: IncidentView[];
  /** Open action items of every postmortem, overdue first, then by due date. */
  actionItems: ActionItemView[];
  counts: {
    postmortemsDue: number;
    postmortemsOverdue: number;
    openActionItems: number;
    overdueActionItems: number;
  };
  /** Launches from today on, soonest first. */
  launches: UpcomingLaunch[];
  /** Documents that could not be read or validated (their postmortem data is missing above). */
  problems: Array<{ title: string; error: string }>;
  postmortemPolicy: PostmortemPolicy;
  generatedAt: string;
}

/** Per-entity incident state the later areas and the team pages read (one row per entity). @public */
export interface IncidentSummary {
  entityRef: string;
  /** Incidents started in the last 90 days. */
  incidents: number;
  openIncidents: number;
  postmortemsDue: number;
  postmortemsOverdue: number;
  openActionItems: number;
  overdueActionItems: number;
  /** Incidents of the last 90 days that were acknowledged. */
  acknowledged: number;
  /** Their mean time to acknowledge in seconds; null when none was acknowledged. */
  mttaSeconds: number | null;
  /** The time to acknowledge the entity is judged against (seconds); null on summaries from before it existed. */
  acknowledgeTargetSeconds: number | null;
  /**
   * The owning Group that set the target with its `reliability.sre-portal.dev/acknowledge-target` annotation
   * (`group:default/payments`); null (or absent on older summaries) when the organisation's default applies.
   */
  acknowledgeTargetSetBy?: string | null;
  /** Why the owning team's own target was not used (an invalid annotation value); null when there is nothing to say. */
  acknowledgeTargetProblem?: string | null;
  updatedAt: string;
}

/** One incident in a write to the embedded source (`POST …/incidents`). @public */
export interface IncidentInput {
  /** The id in the posting tool; a second post with the same id updates the incident. */
  id: string;
  title: string;
  /** `sev1`..`sev5` (also `SEV-1`, `P1`, ...). */
  severity: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  startedAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  url?: string | null;
}

/** Body of `POST /entities/:kind/:namespace/:name/incidents`. @public */
export interface IncidentsIngestRequest {
  incidents: IncidentInput[];
}

/** Response of `POST /entities/:kind/:namespace/:name/incidents`. @public */
export interface IncidentsIngestResponse {
  entityRef: string;
  /** Incidents created or updated. */
  written: number;
}

/** Postmortem follow-up counts of a team or of the organisation. @public */
export interface FollowUpCounts {
  postmortemsDue: number;
  postmortemsOverdue: number;
  openActionItems: number;
  overdueActionItems: number;
}

/** One team's postmortem follow-up in the organisation view. @public */
export interface TeamFollowUp extends FollowUpCounts {
  /** The owning group (`group:default/team`), null for entities without an owner. */
  ownerRef: string | null;
  /** Tracked entities of the team the caller may see. */
  entities: number;
  incidents: number;
}

/**
 * Response of `GET /incidents/follow-up` (the organisation: `teams`, the teams with the most overdue work first)
 * and `GET /incidents/follow-up?owner=<group ref>` (a team: its entities, missing postmortems and open action
 * items).
 *
 * @public
 */
export interface IncidentFollowUpResponse {
  /** The group asked for; null for the organisation. */
  owner: string | null;
  counts: FollowUpCounts;
  /** Organisation only: every team with tracked entities, most overdue action items first, then overdue postmortems. */
  teams: TeamFollowUp[];
  /** Team only: the team's tracked entities with incidents or open action items, by entity ref. */
  entities: IncidentSummary[];
  /** Team only: incidents of the team's entities that need a postmortem and have none, overdue first. */
  missing: Array<{ entityRef: string; incident: IncidentView }>;
  /** Team only: open action items of the team's postmortems, overdue first, then by due date. */
  actionItems: Array<{ entityRef: string; item: ActionItemView }>;
  postmortemPolicy: Omit<PostmortemPolicy, 'timeZone'>;
  generatedAt: string;
}
