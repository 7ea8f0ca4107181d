import { OnCallPerson } from '../oncall/types';

/**
 * Per-entity summaries each area of the suite materialises, so that roll-ups, the checklist's automatic items
 * and the org overview read them for many entities in one query. Entity refs are normalised
 * (`kind:namespace/name`, lower case).
 */

/** SLO state of one entity. @public */
export interface SloSummary {
  entityRef: string;
  /** Valid SLO definitions. */
  sloCount: number;
  /** Definition problems (invalid YAML, unreadable file, ...). */
  definitionErrors: number;
  /**
   * SLOs that met every objective over their last window: the previous, complete calendar period for calendar
   * windows, the current rolling window for rolling ones (null: no such window collected yet).
   */
  slosMeetingTarget: number | null;
  /** True when every SLO has multiwindow burn-rate alert policies. */
  burnRateAlertsConfigured: boolean;
  /** Smallest error budget remaining across the entity's SLOs, as a ratio (may be negative); null without data. */
  worstBudgetRemaining: number | null;
  /** Most severe burn-rate alert firing now. */
  alerting: 'page' | 'ticket' | null;
  /** Number of SLO alert policies, and how many name a runbook. */
  alertCount: number;
  alertsWithRunbook: number;
  /**
   * The latest collection of at least one SLO failed (provider down, too slow or not configured): the numbers
   * above are the last good data kept (or none).
   */
  stale: boolean;
  updatedAt: string | null;
}

/** On-call state of one entity. @public */
export interface OnCallSummary {
  entityRef: string;
  provider: string | null;
  /** Distinct people across the entity's rotations (level 1 and 2). */
  peopleInRotation: number;
  primary: OnCallPerson | null;
  primaryUntil: string | null;
  /** Escalation levels, and how many of them name a runbook. */
  escalationLevels: number;
  /** Set when the provider failed; the other fields are then the last good data. */
  error: string | null;
  updatedAt: string | null;
}

/** Runbook state of one entity. @public */
export interface RunbookSummary {
  entityRef: string;
  runbookCount: number;
  /** Runbooks not reviewed within the configured number of days (or never reviewed). */
  staleCount: number;
  /** Share of the entity's SLO alerts that link a runbook, 0..1; null when it has no SLO alerts. */
  coverage: number | null;
  updatedAt: string | null;
}

/** Reliability-maturity state of one entity. @public */
export interface MaturitySummary {
  entityRef: string;
  /** 0-100 weighted score; null when never assessed and no automatic item could be evaluated. */
  score: number | null;
  /** Highest level reached ('none' when not even the first level passes). */
  level: string;
  checklistVersion: string | null;
  assessedAt: string | null;
}
