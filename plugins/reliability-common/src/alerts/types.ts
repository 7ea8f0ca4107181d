/** Where an alert or monitor stands in its source. @public */
export const ALERT_STATES = ['ok', 'firing', 'no-data'] as const;

/** `ok`, `firing` or `no-data` (the source cannot evaluate it: missing metrics, unknown state). @public */
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * One alert (a Prometheus alerting rule, a Datadog monitor, an alert posted to the embedded source) as its
 * source reports it. Ids are unique within the source.
 *
 * @public
 */
export interface SourceAlert {
  /** Stable id within the source: a monitor id, `group/alertname` of a rule, the id a tool posts. */
  id: string;
  name: string;
  state: AlertState;
  /** The source's own severity (`critical`, `warning`, `P1`, ...), null when it has none. */
  severity: string | null;
  /** True when the alert pages a person (not only a ticket, a chat message or a dashboard). */
  pages: boolean;
  /**
   * Labels or tags of the alert (`service`, `team`, ...), used to map it to catalog entities. Datadog tags
   * `key:value` become `key` -> `value`.
   */
  labels: Record<string, string>;
  /** Runbook the alert names (Prometheus `runbook_url` annotation, a link in a Datadog message); http(s) only. */
  runbookUrl: string | null;
  description: string | null;
  /** The alert in its source (http(s)), null when unknown. */
  url: string | null;
  /** The expression or query it evaluates, when the source tells (used to tell SLO-based alerts apart). */
  query: string | null;
  /**
   * When the alert entered its current firing state (ISO 8601), for sources that keep no firing history: the
   * suite then records firings itself from the states it reads.
   */
  firingSince?: string | null;
}

/** One time an alert fired: from `startedAt` to `resolvedAt` (null while it still fires). ISO 8601. @public */
export interface AlertFiring {
  /** The alert's `id` in its source. */
  alertId: string;
  startedAt: string;
  resolvedAt: string | null;
}

/**
 * How a runbook was found for an alert: named by the alert itself (`source`), the entity's SLO alert policy of the
 * same name linked as the Runbooks card links it (`slo`), or one of the entity's runbooks answering it
 * (`runbook-index`). @public
 */
export type AlertRunbookMatch = 'source' | 'slo' | 'runbook-index';

/** The runbook of an alert: named by the alert itself (`source`) or one of the entity's runbooks answering it. @public */
export interface AlertRunbook {
  url: string | null;
  /** Title of the entity's runbook, when it is one of them. */
  title: string | null;
  /** Id of the entity's runbook, when it is one of them. */
  id: string | null;
  matchedBy: AlertRunbookMatch;
}

/** How often an alert fired over the window and how long it took to resolve. @public */
export interface AlertFiringStats {
  /** Firings that started within the window. */
  fired: number;
  /** Of those, the ones resolved within the "quick" threshold. */
  resolvedQuickly: number;
  /** Median minutes from start to resolution of the resolved firings; null when none resolved. */
  medianMinutes: number | null;
  lastFiredAt: string | null;
}

/** One alert of an entity as the API lists it. @public */
export interface AlertView extends AlertFiringStats {
  source: string;
  id: string;
  name: string;
  state: AlertState;
  severity: string | null;
  pages: boolean;
  labels: Record<string, string>;
  description: string | null;
  url: string | null;
  runbook: AlertRunbook | null;
  /** Fired often and was mostly resolved within minutes: likely resolved without action. */
  noisy: boolean;
  /** Evaluates an SLO (burn rate, error budget) rather than a raw symptom or cause. */
  sloBased: boolean;
  /** Its source could not be read at the last refresh: this is the last inventory read. */
  stale: boolean;
}

/** How one alert source is doing. @public */
export interface AlertSourceStatus {
  /** The alert source's id (`prometheus`, `datadog`) or `embedded`. */
  source: string;
  /** What the UI shows, e.g. `embedded (demo data)`. */
  label: string;
  /** Last successful read (null for the embedded source, which is written to, and before any success). */
  syncedAt: string | null;
  /** Why the last read failed; the inventory shown is then the last one read. */
  error: string | null;
  stale: boolean;
  /**
   * True when the source's module is installed but not configured (`error` says what to set): it reads
   * nothing, so nothing of it is stale.
   */
  notConfigured?: boolean;
}

/** Runbook coverage over the paging alerts. @public */
export interface AlertRunbookCoverage {
  pagingAlerts: number;
  pagingWithRunbook: number;
  /** Share of paging alerts with a runbook, 0..1; null when there is no paging alert. */
  ratio: number | null;
}

/** What is missing in the monitoring of an entity (or, for `unowned-alert`, of the organisation). @public */
export type AlertGapKind =
  | 'no-paging-alert'
  | 'unmonitored-resource'
  | 'unowned-alert';

/** One gap in the monitoring. @public */
export interface AlertGap {
  kind: AlertGapKind;
  /** The entity it concerns; null for an alert no entity owns. */
  entityRef: string | null;
  /** What to tell a person, e.g. "tier-1 service with SLOs but no paging alert". */
  message: string;
  /** `unmonitored-resource`: the tier-1 services depending on the resource. */
  dependents?: string[];
  /** `unowned-alert`: the alert. */
  alert?: { source: string; id: string; name: string };
}

/** Thresholds of the noise rule (see `isNoisyAlert`). @public */
export interface AlertNoiseRule {
  /** Firings within the window from which an alert can be noisy. */
  minFirings: number;
  /** A firing resolved within this many minutes counts as resolved quickly (likely without action). */
  quickResolveMinutes: number;
  /** Share of firings resolved quickly from which an alert is noisy, 0..1. */
  quickShare: number;
}

/** Response of `GET /entities/:kind/:namespace/:name/alerts`. @public */
export interface EntityAlertsResponse {
  entityRef: string;
  /** Days of firing history counted (30). */
  windowDays: number;
  /** The alerts of the entity: firing first, then paging, then by name. */
  alerts: AlertView[];
  coverage: AlertRunbookCoverage;
  /** The noisy alerts (also in `alerts`). */
  noisy: AlertView[];
  gaps: AlertGap[];
  sources: AlertSourceStatus[];
  noiseRule: AlertNoiseRule;
  /** True when some source of the entity could not be read at the last refresh. */
  stale: boolean;
  generatedAt: string;
}

/** Per-entity alert state the refresher stores, for team and organisation views (one row per entity). @public */
export interface AlertSummary {
  entityRef: string;
  /** The owner the entity had at the refresh (`group:default/team`), null when none. */
  ownerRef: string | null;
  alerts: number;
  pagingAlerts: number;
  pagingWithRunbook: number;
  firing: number;
  noisy: number;
  /** Firings of all its alerts within the window. */
  fired: number;
  /** Paging alerts that are SLO-based. */
  sloBasedPaging: number;
  stale: boolean;
  /** The entity's own gap, if any (`no-paging-alert`, `unmonitored-resource`). */
  gap: AlertGap | null;
  updatedAt: string;
}

/** A noisy alert with its entity, in team and organisation views. @public */
export interface NoisyAlert {
  entityRef: string;
  alert: AlertView;
}

/** How often a team was paged: firings of its paging alerts over the window. @public */
export interface AlertPages {
  windowDays: number;
  /** Firings of paging alerts that started within the window (an alert of a source counted once). */
  count: number;
  /** Paging alerts counted. */
  pagingAlerts: number;
}

/** Response of `GET /alerts/coverage` (the organisation) and `GET /alerts/coverage?owner=<group ref>` (a team). @public */
export interface AlertsCoverageResponse {
  /** The group asked for; null for the organisation. */
  owner: string | null;
  windowDays: number;
  coverage: AlertRunbookCoverage;
  /** Entities with alerts or gaps, by entity ref. */
  entities: AlertSummary[];
  noisy: NoisyAlert[];
  /** Gaps of the entities, then (organisation only) the alerts no entity owns. */
  gaps: AlertGap[];
  sources: AlertSourceStatus[];
  /** Team only (null for the organisation): how often the team's paging alerts paged over the window. */
  pages: AlertPages | null;
  generatedAt: string;
}

/** One alert in a write to the embedded source (`POST …/alerts`). @public */
export interface AlertInput {
  /** The id in the posting tool; a second post with the same id updates the alert. */
  id: string;
  name: string;
  state: AlertState;
  severity?: string | null;
  pages: boolean;
  runbookUrl?: string | null;
  description?: string | null;
  url?: string | null;
  labels?: Record<string, string>;
  query?: string | null;
}

/** One firing in a write to the embedded source: a second post with the same alert and start updates it. @public */
export interface AlertFiringInput {
  alertId: string;
  startedAt: string;
  resolvedAt?: string | null;
}

/** Body of `POST /entities/:kind/:namespace/:name/alerts`. @public */
export interface AlertsIngestRequest {
  alerts?: AlertInput[];
  firings?: AlertFiringInput[];
  /** True: `alerts` is the entity's whole embedded inventory (alerts not in it are removed). */
  replace?: boolean;
}

/** Response of `POST /entities/:kind/:namespace/:name/alerts`. @public */
export interface AlertsIngestResponse {
  entityRef: string;
  alerts: number;
  firings: number;
  removed: number;
}
