/**
 * Normalised SLO model. OpenSLO v1 documents (kinds SLO and SLI) are parsed and validated into these types
 * (see `validateOpenSloDocuments`); everything downstream (math, providers, UI) works on this model only.
 */

/** Where an SLI metric comes from: `type` selects the SLI provider (e.g. `prometheus`, `datadog`, `embedded`). @public */
export interface MetricSource {
  type: string;
  spec: Record<string, unknown>;
}

/** An SLI: a ratio of good (or bad) events to total events, or a threshold on a single metric. @public */
export interface SliIndicator {
  name: string;
  displayName?: string;
  description?: string;
  ratio?: {
    good?: MetricSource;
    bad?: MetricSource;
    total: MetricSource;
  };
  threshold?: {
    metricSource: MetricSource;
  };
}

/**
 * The SLO window: rolling (the last N seconds) or calendar-aligned (`count` units from `startTime`, a wall
 * clock `YYYY-MM-DD HH:mm:ss` in `timeZone`). `label` is the OpenSLO duration (`28d`, `1M`).
 * See `windowSeconds` for the interval a window covers at a given instant.
 *
 * @public
 */
export type SloWindow =
  | { kind: 'rolling'; durationSeconds: number; label: string }
  | {
      kind: 'calendar';
      unit: 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year';
      count: number;
      startTime: string;
      timeZone: string;
      label: string;
    };

/**
 * How an SLO's error budget is counted (OpenSLO `budgetingMethod`):
 * `Occurrences` counts good/total events; `Timeslices` counts good/total time slices (a slice is good when
 * its own good/total reaches `timeSliceTarget`); `RatioTimeslices` averages the good/total ratios of the
 * time slices with traffic (see `sumSliceRatios`).
 *
 * @public
 */
export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/** One objective of an SLO. `target` is a ratio in (0, 1], e.g. 0.999. @public */
export interface SloObjective {
  displayName?: string;
  target: number;
  /** Threshold SLIs: operator and value a measurement must satisfy to count as good. */
  op?: 'lt' | 'lte' | 'gt' | 'gte';
  value?: number;
  /**
   * Timeslices budgeting: share of good events a slice needs to count as good. Timeslices and
   * RatioTimeslices: the slice length (required for both).
   */
  timeSliceTarget?: number;
  timeSliceWindowSeconds?: number;
}

/**
 * A multiwindow burn-rate alert condition (SRE workbook, chapter 5): fires when the burn rate over both
 * the long and the short window is at least `burnRateThreshold`.
 *
 * @public
 */
export interface BurnRateAlertCondition {
  name: string;
  severity: 'page' | 'ticket';
  burnRateThreshold: number;
  longWindowSeconds: number;
  shortWindowSeconds: number;
  /**
   * Why this threshold, in words (`2% of a 7-day budget in 1h = 3.36×`); set on the default alerts
   * (`defaultMultiwindowAlerts`). For others see `explainBurnRateCondition`.
   */
  explanation?: string;
}

/** An alert policy attached to an SLO. @public */
export interface SloAlertPolicy {
  name: string;
  displayName?: string;
  description?: string;
  conditions: BurnRateAlertCondition[];
  /** Runbook URL or runbook id this alert answers. */
  runbook?: string;
}

/** A validated SLO definition. @public */
export interface SloDefinition {
  name: string;
  displayName?: string;
  description?: string;
  service?: string;
  indicator: SliIndicator;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  objectives: SloObjective[];
  alertPolicies: SloAlertPolicy[];
  /** Runbook URL or runbook id for the SLO as a whole. */
  runbook?: string;
  /**
   * Error-budget policy of this SLO (annotation or label `reliability.sre-portal.dev/policy` on the SLO document):
   * overrides the entity's policy for this SLO.
   */
  policy?: string;
}

/** A problem found in an OpenSLO file. `document` is the document's metadata.name (or `#<position>`). @public */
export interface SloDefinitionError {
  document?: string;
  /** Dotted field path inside the document, e.g. `spec.objectives.0.target`. */
  path: string;
  message: string;
}
