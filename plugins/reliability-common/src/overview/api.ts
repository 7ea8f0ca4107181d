import { OnCallPerson } from '../oncall/types';
import { PolicyDecision } from '../policy/types';

/**
 * Types of the org overview part of the reliability backend's REST API (`/overview`, `/overview.csv`,
 * `/overview/summaries`).
 */

/** Largest page the overview returns; the default is {@link OVERVIEW_DEFAULT_LIMIT}. @public */
export const OVERVIEW_MAX_LIMIT = 100;

/** Page size of the overview when the caller names none. @public */
export const OVERVIEW_DEFAULT_LIMIT = 50;

/** Columns the overview can be sorted by (all are catalog fields, so the catalog sorts and pages). @public */
export const OVERVIEW_SORT_FIELDS = [
  'name',
  'owner',
  'system',
  'tier',
] as const;

/** @public */
export type OverviewSortField = (typeof OVERVIEW_SORT_FIELDS)[number];

/** Filters, sort and page of an overview request. Every filter is optional. @public */
export interface OverviewQuery {
  /** Page size, 1..100 (default 50). */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor` / `prevCursor`; filters and sort then come from it. */
  cursor?: string;
  /** Owner entity ref (e.g. `group:default/payments`). */
  team?: string;
  /** System entity ref or name. */
  system?: string;
  /** Domain entity ref or name: services whose system belongs to it. */
  domain?: string;
  /** Tier annotation value, e.g. `tier-1`. */
  tier?: string;
  /** Reliability-maturity level, e.g. `bronze`; `none` for services that reached no level. */
  level?: string;
  /**
   * Error-budget policy state of the service, e.g. `frozen`, `review`, `ok` or `no-data` (services without SLOs
   * have none). Cannot be combined with `level`.
   */
  policy?: string;
  /**
   * Campaign id: services in the campaign's scope. Cannot be combined with `level` or `policy`; an unknown id
   * is a 400.
   */
  campaign?: string;
  /** With `campaign`: only the services that do not meet the campaign's target yet. */
  campaignOpen?: boolean;
  /** Free text matched against name, title, owner and system. */
  q?: string;
  sort?: OverviewSortField;
  order?: 'asc' | 'desc';
}

/** SLO state of a service in the overview. @public */
export interface OverviewSloStatus {
  sloCount: number;
  /** Smallest error budget remaining across the service's SLOs (ratio, may be negative); null without data. */
  worstBudgetRemaining: number | null;
  alerting: 'page' | 'ticket' | null;
  slosMeetingTarget: number | null;
  stale: boolean;
}

/** Who is on call for a service now. @public */
export interface OverviewOnCall {
  primary: OnCallPerson | null;
  /** End of the primary's current shift (ISO 8601). */
  until: string | null;
  provider: string | null;
  /** Set when the provider failed; the other fields are the last good data. */
  error: string | null;
}

/** Runbook coverage of a service. @public */
export interface OverviewRunbooks {
  runbookCount: number;
  staleCount: number;
  /** Share of SLO alerts that link a runbook (0..1); null when the service has no SLO alerts. */
  coverage: number | null;
}

/** Reliability-maturity of a service. @public */
export interface OverviewMaturity {
  level: string;
  score: number | null;
}

/** Error-budget policy state of a service (its most severe SLO's) in the overview. @public */
export interface OverviewPolicyState {
  state: string;
  decision: PolicyDecision;
  /** When the service entered the state (ISO 8601). */
  since: string;
}

/** One service (catalog Component) of the org overview. Reliability parts are null when the area has no data. @public */
export interface ServiceOverviewRow {
  entityRef: string;
  name: string;
  namespace: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  tier: string | null;
  slo: OverviewSloStatus | null;
  onCall: OverviewOnCall | null;
  runbooks: OverviewRunbooks | null;
  maturity: OverviewMaturity | null;
  /** Null without SLOs or before the policy area first evaluated the service. */
  policy: OverviewPolicyState | null;
}

/** Reliability areas the overview joins. @public */
export type OverviewArea =
  | 'slo'
  | 'oncall'
  | 'runbooks'
  | 'maturity'
  | 'policy';

/** Response of `GET /overview`. @public */
export interface OverviewPage {
  items: ServiceOverviewRow[];
  /** Number of services matching the filters (across all pages). */
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
  /** Reliability areas that are not installed in this backend (their columns are always null). */
  unavailable: OverviewArea[];
  /**
   * When the services were listed from the overview's services index (the caller may read every catalog entity):
   * when the index's last complete refresh pass started reading the catalog (ISO 8601). Services added to the
   * catalog since then may not be listed yet (a pass follows within about a minute when the count of services
   * changes); the reliability figures of each row are current. Absent when the page was read from the catalog.
   */
  listedAt?: string;
}

/** Roll-up of the services of one team or one system. Ratios are 0..1, null when they have no denominator. @public */
export interface GroupReliabilitySummary {
  /** Owner or system entity ref; `null` groups the services without one. */
  entityRef: string | null;
  serviceCount: number;
  /** Share of services with at least one valid SLO. */
  withSlos: number | null;
  /** Share of services with SLO data whose SLOs all meet their targets. */
  meetingSlos: number | null;
  /** Share of services with someone on call now. */
  onCallCoverage: number | null;
  /** Mean maturity score of the assessed services. */
  averageMaturity: number | null;
  /** Services paging (or with an exhausted budget) now. */
  breachingCount: number;
  /**
   * Lowest error budget remaining (ratio, may be negative) of the SLOs of the group's services and, for a
   * system, of the system's own SLOs (user journeys); null without SLO data.
   */
  worstBudgetRemaining: number | null;
}

/** The org overview exported as CSV (`GET /overview.csv`), with how many services it holds. @public */
export interface OverviewCsvExport {
  /** RFC 4180 CSV, one row per service, with a header line. */
  csv: string;
  /** Services matching the filters. */
  totalItems: number;
  /** Rows in `csv`: fewer than `totalItems` when the export reached `reliability.overview.csvExport.maxRows`. */
  exportedItems: number;
}

/** Response of `GET /overview/summaries?by=team|system`. @public */
export interface OverviewSummariesResponse {
  by: 'team' | 'system';
  groups: GroupReliabilitySummary[];
  /** Services rolled up (bounded; `truncated` is set when the catalog holds more). */
  serviceCount: number;
  truncated: boolean;
  /**
   * When the stored roll-up answered: when its pass finished (ISO 8601). Absent when the roll-up was computed for
   * the request (before the first pass, or for a caller who may not read every catalog entity).
   */
  computedAt?: string;
}
