/**
 * The reliability-maturity checklist: levels, categories and items, as shipped by the backend
 * (or replaced / extended by an organisation's own YAML file).
 */

/** Checks the backend evaluates from the suite's own data instead of asking the team. @public */
export const AUTOMATIC_CHECK_IDS = [
  'slo-defined',
  'slo-met-last-window',
  'burn-rate-alerts',
  'oncall-two-people',
  'runbook-coverage',
  'runbooks-fresh',
  'pages-have-runbooks',
  'paging-mostly-slo-based',
  'no-noisy-alerts',
  'postmortems-on-time',
  'action-items-on-time',
  'acknowledge-within-target',
  'deploys-ask-gate',
] as const;

/** @public */
export type AutomaticCheckId = (typeof AUTOMATIC_CHECK_IDS)[number];

/**
 * Level reported when not even the first level passes. (Here rather than beside the scoring: the pages that only
 * name levels need not download the scoring.) @public
 */
export const NO_LEVEL = 'none';

/** A maturity level; levels are ordered, lowest first, in {@link Checklist.levels}. @public */
export interface ChecklistLevel {
  id: string;
  title: string;
  description?: string;
}

/** A group of items shown together (one wizard step per category). @public */
export interface ChecklistCategory {
  id: string;
  title: string;
  description?: string;
}

/** One practice a team either has in place or not. @public */
export interface ChecklistItem {
  id: string;
  title: string;
  /** Why the practice matters, shown in the assessment wizard. */
  why: string;
  /** Id of one of the checklist's levels. */
  level: string;
  /** Id of one of the checklist's categories. */
  category: string;
  /** Relative importance in the score, 1..10. */
  weight: number;
  /** Automatic items are evaluated from the suite's data; self-assessed items are answered by the team. */
  kind: 'automatic' | 'self-assessed';
  /** For automatic items: the check that evaluates it. */
  check?: AutomaticCheckId;
  /** Part of the production-readiness bar a service should clear before taking production traffic. */
  productionReadiness?: boolean;
  /**
   * Whether teams may answer "not applicable" (always with a note justifying it). Default false: a practice
   * every service needs cannot be skipped. A not-applicable answer to an item that does not allow it counts
   * as "no".
   */
  allowNotApplicable?: boolean;
  /**
   * A software template (scaffolder) that fixes the item when it fails. The frontend offers it on failing
   * items, with the entity's ref in the template's `component` parameter, when the app binds the plugin's
   * `scaffolderTemplate` external route to the scaffolder's template page.
   */
  fixTemplate?: ChecklistFixTemplate;
}

/** A software template that fixes a checklist item. @public */
export interface ChecklistFixTemplate {
  /** Entity ref of the template, e.g. `template:default/adopt-slos`. */
  templateRef: string;
  /** The template's title, shown as the link text. */
  title: string;
}

/** A versioned checklist. @public */
export interface Checklist {
  /** Changes whenever items change; assessments record the version they answered. */
  version: string;
  title: string;
  levels: ChecklistLevel[];
  categories: ChecklistCategory[];
  items: ChecklistItem[];
}

/** Possible answers to a self-assessed item. @public */
export const ASSESSMENT_ANSWERS = [
  'yes',
  'partial',
  'no',
  'not-applicable',
] as const;

/** @public */
export type AssessmentAnswerValue = (typeof ASSESSMENT_ANSWERS)[number];

/** Whether the item accepts a "not applicable" answer (see {@link ChecklistItem.allowNotApplicable}). @public */
export function allowsNotApplicable(
  item: Pick<ChecklistItem, 'allowNotApplicable'>,
): boolean {
  return item.allowNotApplicable === true;
}

/** One answer as stored with an assessment. @public */
export interface StoredAnswer {
  answer: AssessmentAnswerValue;
  /** http(s) link to evidence (dashboard, runbook, policy document, ...). */
  evidenceUrl?: string;
  /** Free text; for `not-applicable`, the justification (required on submission). */
  note?: string;
  /** ISO timestamp after which the answer no longer counts. */
  expiresAt: string;
  /** ISO timestamp of the submission the answer belongs to. */
  answeredAt: string;
}

/** A stored answer as shown to readers, with its expiry evaluated. @public */
export interface AnswerView extends StoredAnswer {
  expired: boolean;
}

/** Outcome of an automatic check for one entity. @public */
export interface AutomaticResult {
  itemId: string;
  check: AutomaticCheckId;
  /** `unknown`: the data source is not available (neither pass nor fail). */
  status: 'pass' | 'fail' | 'unknown';
  /** Human-readable reason, e.g. "2 people in rotation". */
  detail: string;
}
