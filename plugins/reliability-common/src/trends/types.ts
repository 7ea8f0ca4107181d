/**
 * Trends of the reliability suite: daily snapshots of the maturity roll-ups (per entity, team, system, domain
 * and the whole org) and of the share of SLOs meeting their target (per team and SLO window), and a leaderboard
 * of teams. Days are calendar days (`YYYY-MM-DD`, UTC).
 */

/** What a trend series is about. `team` is an owning group (the roll-ups' `team`). @public */
export const TREND_SCOPES = [
  'entity',
  'team',
  'system',
  'domain',
  'org',
] as const;

/** @public */
export type TrendScope = (typeof TREND_SCOPES)[number];

/** Maturity of one scope on one day. @public */
export interface MaturityTrendPoint {
  day: string;
  /** Entity: its score; groups: the mean score of their scored services (0-100; null when none is scored). */
  score: number | null;
  /**
   * Entity: its level; groups: the highest level at least half of their services reached (`none` when fewer
   * than half reached the first level).
   */
  level: string;
  /** Services counted (1 for an entity). */
  serviceCount: number;
  /** Services with a score. */
  scoredCount: number;
  /** True for synthetic demo history (`reliability.demo.seedTrends`), never for measured snapshots. */
  demo: boolean;
}

/** Share of SLOs meeting target on one day (of one team and one SLO window). @public */
export interface SloAttainmentTrendPoint {
  day: string;
  /** SLOs with this window. */
  sloCount: number;
  /** SLOs whose last window has data (met or missed). */
  measuredCount: number;
  /** SLOs that met every objective over their last window. */
  metCount: number;
  /** metCount / measuredCount; null when nothing was measured. */
  share: number | null;
  /** True for synthetic demo history. */
  demo: boolean;
}

/** The SLO attainment of one SLO window (for example `28d rolling`, `1M calendar`) over time. @public */
export interface SloAttainmentSeries {
  window: string;
  points: SloAttainmentTrendPoint[];
}

/** Response of `GET /trends?scope=...&ref=...&days=...`. @public */
export interface TrendSeriesResponse {
  scope: TrendScope;
  /** Normalised entity ref of the scope, or `org`. */
  ref: string;
  /** First and last day covered (inclusive). */
  from: string;
  to: string;
  /** Oldest first; days without a snapshot are absent. */
  maturity: MaturityTrendPoint[];
  /** Teams and the org only (empty for other scopes): one series per SLO window. */
  slo: SloAttainmentSeries[];
  /** When the next daily snapshot is scheduled (ISO timestamp). */
  nextSnapshotAt: string;
}

/** One team of the leaderboard. @public */
export interface TrendLeaderboardEntry {
  /** Entity ref of the owning group (or user). */
  teamRef: string;
  score: number | null;
  level: string;
  serviceCount: number;
  /** The team's oldest snapshot in the improvement period (null without one before the latest day). */
  baselineDay: string | null;
  baselineScore: number | null;
  /** score - baselineScore (null when either is missing). */
  improvement: number | null;
  /** True when the latest or the baseline snapshot is synthetic demo data. */
  demo: boolean;
}

/** Response of `GET /trends/leaderboard`. @public */
export interface TrendLeaderboardResponse {
  /** Day of the latest snapshot (null when there is none yet). */
  day: string | null;
  /** Length of the improvement period in days (90). */
  improvementDays: number;
  /** Highest current score first (teams with a score only). */
  byScore: TrendLeaderboardEntry[];
  /** Largest improvement first (teams with a baseline only). */
  byImprovement: TrendLeaderboardEntry[];
  /** When the next daily snapshot is scheduled (ISO timestamp). */
  nextSnapshotAt: string;
}

/** Query of {@link TrendSeriesResponse}: `ref` is required for every scope but `org`. @public */
export interface TrendSeriesQuery {
  scope: TrendScope;
  ref?: string;
  /** Days back from the latest day, 1-1000 (default 90). */
  days?: number;
}
