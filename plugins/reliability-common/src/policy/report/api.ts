import { PolicyDecision } from '../types';
import { DeployGateOverride, PolicyStateChange } from '../api';
import { AlertEpisode } from './reviewMath';

/**
 * Types of the SLO review report route (`GET /reports/slo`).
 */

/** Formats the report route answers in. @public */
export const SLO_REPORT_FORMATS = ['json', 'markdown', 'csv'] as const;

/** @public */
export type SloReportFormat = (typeof SLO_REPORT_FORMATS)[number];

/** Whose SLOs a report covers: a team's (owner) or a system's. Refs like `group:default/checkout-payments`. @public */
export type SloReportScope =
  | { owner: string; system?: undefined }
  | { system: string; owner?: undefined };

/** One SLO over one window (the last complete one, or the current one). @public */
export interface SloReportPeriod {
  start: string;
  end: string;
  /** False for the current, still running window. */
  complete: boolean;
  attainment: number | null;
  /** Share of the error budget spent: 0 none, 1 all, above 1 overspent. */
  budgetSpent: number | null;
  /** attainment >= target; null without data. */
  met: boolean | null;
  /** Burn-rate alert episodes seen in the collected states of the window, by their most severe severity. */
  burnAlerts: { page: number; ticket: number };
  episodes: AlertEpisode[];
  /** Changes of the SLO's policy state in the window, oldest first. */
  policyChanges: PolicyStateChange[];
  /** Why a number is missing or approximate. */
  notes: string[];
}

/** One SLO of the report. @public */
export interface SloReportRow {
  entityRef: string;
  entityTitle?: string;
  sloName: string;
  displayName?: string;
  target: number;
  /** The SLO window, e.g. `30d` or `1 Month`. */
  window: string;
  /** The SLO's current policy state and decision (null before the first evaluation). */
  policyState: string | null;
  policyDecision: PolicyDecision | null;
  previous: SloReportPeriod;
  current: SloReportPeriod;
}

/** Response of `GET /reports/slo` (format `json`). @public */
export interface SloReport {
  scope: { kind: 'owner' | 'system'; ref: string };
  generatedAt: string;
  /** Entities in scope that declare SLOs. */
  entityCount: number;
  /** True when more entities matched than a report covers (the first ones by ref are reported). */
  truncated: boolean;
  rows: SloReportRow[];
  /** Changes of the services' policy states since the earliest window start, oldest first. */
  serviceChanges: PolicyStateChange[];
  /**
   * Start of the period the entity-wide lists (runbooks touched, checklist changes) cover: the earliest start of
   * the reported SLOs' last complete windows; the period ends at `generatedAt`.
   */
  periodStart: string;
  /** Runbooks of the reported entities whose last review date lies in the period, newest review first. */
  runbooksTouched: SloReportRunbook[];
  /** Checklist assessments submitted in the period, oldest first, with the level they moved from. */
  checklistChanges: SloReportChecklistChange[];
  /** Break-glass overrides of the deploy gate created in the period, oldest first (who, why, until when). */
  overrides: DeployGateOverride[];
  /** Why a list is incomplete (runbooks or checklist history that could not be read). */
  problems: string[];
}

/** A runbook reviewed in the report's period. @public */
export interface SloReportRunbook {
  entityRef: string;
  id: string;
  title: string;
  kind: string;
  /** Day of the review (YYYY-MM-DD). */
  lastReviewed: string;
  url: string | null;
}

/** A checklist assessment submitted in the report's period. @public */
export interface SloReportChecklistChange {
  entityRef: string;
  assessmentId: string;
  assessedAt: string;
  /** Who submitted it (user entity ref). */
  author: string;
  /** The level and score it gave. */
  level: string;
  score: number | null;
  /** The level of the assessment before it; null for the entity's first assessment (or one older than kept). */
  previousLevel: string | null;
  /**
   * What kept the assessment from the level above its own (read from its stored answers). Absent at the top
   * level, and where the stored assessment cannot tell.
   */
  heldBackBy?: SloReportLevelBlockers;
}

/**
 * The items of the next level that a checklist assessment did not meet: a level counts only when every item of
 * it, and of every lower level, is met, so one open item leaves a high score without that level.
 *
 * @public
 */
export interface SloReportLevelBlockers {
  /** The level the assessment did not reach (the one above its own). */
  nextLevel: string;
  /**
   * `recorded`: the items that kept it from that level when it was submitted, as recorded with it (automatic checks
   * included; one without data is named with "(no data)"). For assessments recorded before that was kept:
   * `answers`: the items are self-assessed items of that level not met in the assessment (not answered "yes" or an
   * allowed "not applicable", or expired). `automatic`: every answer of that level was met, so one or more of the
   * items, the level's automatic checks, failed or had no data (such an assessment does not keep the automatic
   * results of its day).
   */
  source: 'recorded' | 'answers' | 'automatic';
  /** Titles of the items, heaviest first, at most {@link SLO_REPORT_MAX_BLOCKERS}. */
  items: string[];
  /** How many further items there are beyond `items`. */
  more: number;
}

/** Most item titles a {@link SloReportLevelBlockers} names. @public */
export const SLO_REPORT_MAX_BLOCKERS = 3;
