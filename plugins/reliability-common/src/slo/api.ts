import { SloBurndownPoint } from './burndown';
import { BudgetingMethod, SloDefinition, SloDefinitionError } from './types';

/**
 * Types of the SLO part of the reliability backend's REST API.
 */

/** A problem with an entity's SLO definitions (unreadable file, invalid YAML, invalid OpenSLO). @public */
export interface SloDefinitionProblem extends SloDefinitionError {
  /** Where the definitions came from: the resolved file URL, or `inline` for the inline annotation. */
  source?: string;
}

/** Severity of the most severe burn-rate alert firing; `ok` when none fires, `unknown` without data. @public */
export type SloAlertState = 'page' | 'ticket' | 'ok' | 'unknown';

/** Evaluation of one multiwindow burn-rate alert condition. @public */
export interface SloAlertEvaluation {
  name: string;
  severity: 'page' | 'ticket';
  burnRateThreshold: number;
  longWindowSeconds: number;
  shortWindowSeconds: number;
  firing: boolean;
  /** null when unknown (no traffic) or unbounded (`unboundedBurn`). */
  longBurnRate: number | null;
  shortBurnRate: number | null;
  /** A window saw bad events against a zero error budget (100% target): unbounded burn, fires every threshold. */
  unboundedBurn?: boolean;
  /** Why this threshold (`2% of a 7-day budget in 1h = 3.36×`); set for the default alerts. See `explainBurnRateCondition`. */
  explanation?: string;
}

/** Burn rate over one look-back window (e.g. the last hour). @public */
export interface SloBurnRateWindow {
  /** Short label, e.g. `5m`, `1h`, `3d`. */
  label: string;
  windowSeconds: number;
  /** null when unknown (no traffic) or unbounded (`unboundedBurn`). */
  burnRate: number | null;
  /** The window saw bad events against a zero error budget (100% target): an unbounded burn. */
  unboundedBurn?: boolean;
}

/**
 * Whether an objective was met over the SLO's last window: for calendar windows the previous, complete
 * calendar period; for rolling windows the current rolling window (it always spans a full window length).
 *
 * @public
 */
export interface SloLastWindow {
  start: string;
  end: string;
  attainment: number | null;
  /** good >= target × total, decided from the counts (`meetsTarget`), not the rounded attainment; null without data. */
  met: boolean | null;
}

/**
 * Evaluation of one objective of an SLO. `good`/`total` count events, or slices when `countUnit` is
 * `slices`: under Timeslices good and total slices; under RatioTimeslices good is the sum of the success
 * ratios of the slices with traffic and total their number (so good / total is their average).
 * Numbers are null when there is no data.
 *
 * @public
 */
export interface SloObjectiveStatus {
  displayName?: string;
  target: number;
  budgetingMethod: BudgetingMethod;
  countUnit: 'events' | 'slices';
  /** Timeslices: share of good events a slice needs; Timeslices and RatioTimeslices: the slice length. */
  timeSliceTarget?: number;
  timeSliceWindowSeconds?: number;
  good: number | null;
  total: number | null;
  attainment: number | null;
  budgetRemaining: number | null;
  burnRate: number | null;
  burnRates: SloBurnRateWindow[];
  alertState: SloAlertState;
  alerts: SloAlertEvaluation[];
  timeToExhaustionSeconds: number | null;
  lastWindow: SloLastWindow | null;
}

/**
 * The newest known state of one SLO. Numbers are null when there is no data (never NaN/Infinity).
 * Every objective is evaluated (`objectives`); the top-level numbers are those of the objective with the
 * highest target (`objectiveIndex`), which the SLO's burn-rate alerts are defined against.
 *
 * @public
 */
export interface SloStatus {
  /** When the data below was collected from the SLI provider. */
  collectedAt: string;
  /** When collection was last attempted (differs from collectedAt when the provider failed). */
  checkedAt: string;
  windowStart: string;
  windowEnd: string;
  target: number;
  good: number | null;
  total: number | null;
  /** good / total over the SLO window. */
  attainment: number | null;
  /** Share of the error budget left (1 = untouched, 0 = exhausted, negative = overspent). */
  budgetRemaining: number | null;
  /** Burn rate over the last hour (1 = spending the budget exactly over the window). */
  burnRate: number | null;
  burnRates: SloBurnRateWindow[];
  alertState: SloAlertState;
  /**
   * `definition`: the SLO's own alert policies; `default`: none are defined, so the SRE workbook's budget
   * shares sized for the SLO's window (`defaultMultiwindowAlerts`).
   */
  alertsSource: 'definition' | 'default';
  alerts: SloAlertEvaluation[];
  /** Seconds until the budget is exhausted at the current burn rate; null when not burning or no data. */
  timeToExhaustionSeconds: number | null;
  /** True when the provider failed and the data above is the last good data (or none). */
  stale: boolean;
  /** Why the latest collection failed (provider down, not configured, ...). */
  error: string | null;
  /** Where the SLI data comes from, e.g. `prometheus`, `embedded`, `embedded (demo data)`. */
  dataSource: string;
  /**
   * What `good`/`total` count: events, or slices under Timeslices and RatioTimeslices budgeting (see
   * SloObjectiveStatus; absent in states stored before).
   */
  countUnit?: 'events' | 'slices';
  /** Index in the definition's objectives of the objective the numbers above belong to. */
  objectiveIndex?: number;
  /** Every objective, in definition order (absent in states stored before multi-objective evaluation). */
  objectives?: SloObjectiveStatus[];
  /**
   * The SLO over its last window (see SloLastWindow): met when every objective with data met its target;
   * null when not computed (no data, provider failure before any success, older stored states).
   */
  lastWindow?: SloLastWindow | null;
}

/** One SLO of an entity with its newest state (null when it could not be computed at all). @public */
export interface EntitySlo {
  definition: SloDefinition;
  status: SloStatus | null;
}

/** Response of `GET /entities/:kind/:namespace/:name/slos`. @public */
export interface EntitySlosResponse {
  entityRef: string;
  definitionErrors: SloDefinitionProblem[];
  slos: EntitySlo[];
  /**
   * Set when SLO collection is behind: some SLO of the entity was last checked longer ago than the collection's
   * cadence allows (two cadences plus a run's timeout: the scheduled collection stopped or falls behind), so its
   * figures may be out of date. `checkedAt`: the oldest check.
   */
  collectionOverdue?: { checkedAt: string };
}

/** One point of an SLO's history. @public */
export interface SloHistoryPoint {
  at: string;
  windowStart: string;
  windowEnd: string;
  attainment: number | null;
  budgetRemaining: number | null;
  /** Burn rates keyed by window label (`5m`, `1h`, ...). */
  burnRates: Record<string, number | null>;
  alertState: SloAlertState;
  stale: boolean;
}

/** Response of `GET /entities/:kind/:namespace/:name/slos/:slo/history`. @public */
export interface SloHistoryResponse {
  entityRef: string;
  sloName: string;
  from: string;
  to: string;
  /** True when points were averaged into buckets to bound the response size. */
  downsampled: boolean;
  points: SloHistoryPoint[];
}

/** One interval of SLI event counts pushed to the embedded SLI store. @public */
export interface SliEventInterval {
  /** ISO 8601 start of the interval (inclusive). */
  start: string;
  /** ISO 8601 end of the interval (exclusive); at most one day after start. */
  end: string;
  good: number;
  total: number;
}

/** Body of `POST /entities/:kind/:namespace/:name/sli-events`. @public */
export interface SliEventsIngestRequest {
  sli: string;
  events: SliEventInterval[];
}

/** Response of the SLI events ingest route. @public */
export interface SliEventsIngestResponse {
  entityRef: string;
  sli: string;
  /** Intervals written (an interval already stored with the same start is replaced). */
  written: number;
}

/** Response of `GET /entities/:kind/:namespace/:name/slos/:slo/burndown`: the error-budget burn-down of the current window. @public */
export interface SloBurndownResponse {
  entityRef: string;
  sloName: string;
  target: number;
  /** Start and end (ISO 8601) of the SLO's current window; for rolling windows the end is `computedAt`. */
  windowStart: string;
  windowEnd: string;
  /** When the series was computed from the SLI provider (series of remote providers are cached for a while). */
  computedAt: string;
  /** Events over [windowStart, computedAt]; null when the provider failed. */
  good: number | null;
  total: number | null;
  /** From windowStart to computedAt; empty when the provider failed and nothing was computed before. */
  points: SloBurndownPoint[];
  /** True when the provider failed: the points are the last computed ones (or none). */
  stale: boolean;
  error: string | null;
  /** Where the SLI data comes from, e.g. `prometheus`, `embedded (demo data)`. */
  dataSource: string;
}
