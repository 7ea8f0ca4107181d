import {
  AnswerView,
  AssessmentAnswerValue,
  AutomaticResult,
  Checklist,
  StoredAnswer,
} from './types';
import { ItemStatus, ScoreExplanation } from './scoring';

/** One answer in a submission or draft. @public */
export interface AssessmentAnswerInput {
  answer: AssessmentAnswerValue;
  evidenceUrl?: string;
  /** Required (non-blank) for `not-applicable`: why the practice does not apply. */
  note?: string;
  /**
   * ISO date (valid through that day, UTC) or timestamp; defaults to, and may not be later than, now + the
   * configured validity (`reliability.checklist.answerValidityDays`).
   */
  expiresAt?: string;
}

/** Body of `POST /entities/:kind/:namespace/:name/maturity/assessments`. @public */
export interface SubmitAssessmentRequest {
  /** Must equal the current checklist's version (409 otherwise). */
  checklistVersion: string;
  answers: Record<string, AssessmentAnswerInput>;
}

/** Metadata of one stored assessment. @public */
export interface AssessmentRecord {
  id: string;
  entityRef: string;
  checklistVersion: string;
  /** 0..100 at submission time (null when nothing was applicable). */
  score: number | null;
  level: string;
  /** User entity ref of the author (or `service:<subject>` for service callers). */
  author: string;
  createdAt: string;
}

/** An item that kept an assessment from the next level when it was submitted. @public */
export interface AssessmentBlocker {
  itemId: string;
  /** Its status then: an answer not met (`no`, `partial`, `expired`, ...), or an automatic `fail` or `unknown`. */
  status: ItemStatus;
}

/** A stored assessment with the checklist it answered, readable after the checklist changes. @public */
export interface AssessmentDetail extends AssessmentRecord {
  checklist: Checklist;
  answers: Record<string, StoredAnswer>;
  /**
   * The items that kept it from the next level when it was submitted, judged with that moment's automatic
   * results and exemptions (empty at the top level); absent for assessments recorded before they were kept.
   */
  blockingNextLevel?: AssessmentBlocker[];
}

/** Response of `GET /entities/:kind/:namespace/:name/maturity`. @public */
export interface EntityMaturity {
  entityRef: string;
  /** Version of the current checklist the score was computed against. */
  checklistVersion: string;
  explanation: ScoreExplanation;
  automatic: AutomaticResult[];
  /** Answers of the latest assessment, with expiry evaluated. */
  answers: Record<string, AnswerView>;
  latestAssessment: AssessmentRecord | null;
  /** True when the latest assessment answered an older checklist version. */
  outdatedChecklist: boolean;
  /**
   * Whether the caller may submit assessments and save drafts for this entity (owners, or holders of the
   * reliability admin permission). When false the UI shows the checklist read-only.
   */
  canSubmit: boolean;
}

/** Response of `GET /entities/:kind/:namespace/:name/maturity/history`. @public */
export interface MaturityHistory {
  entityRef: string;
  assessments: AssessmentRecord[];
}

/** A saved, unsubmitted wizard state of one user for one entity. @public */
export interface AssessmentDraft {
  entityRef: string;
  checklistVersion: string;
  answers: Record<string, Partial<AssessmentAnswerInput>>;
  /** Wizard step to resume at. */
  step: number;
  updatedAt: string;
}

/** Body of `PUT /entities/:kind/:namespace/:name/maturity/draft`. @public */
export interface SaveDraftRequest {
  checklistVersion: string;
  answers: Record<string, Partial<AssessmentAnswerInput>>;
  step?: number;
}

/** Grouping of `GET /rollups`. @public */
export type RollupDimension = 'team' | 'system' | 'domain' | 'org';

/** Maturity of one group of services. @public */
export interface MaturityRollup {
  /** Group, system or domain entity ref; `org` for the whole organisation; `unassigned` when missing. */
  key: string;
  serviceCount: number;
  /** Services with a score (assessed, or with evaluable automatic items). */
  scoredCount: number;
  /** Services per level id (plus `none`). */
  levels: Record<string, number>;
  averageScore: number | null;
  /** "Not applicable" answers counted in the group's latest evaluations (items left out of their scores). */
  notApplicableCount: number;
  /** Active exemptions of the group's services (items counted neither as passed nor as failed). */
  exemptCount: number;
  /** When the group's first active exemption ends (ISO timestamp), or null without any. */
  nextExemptionExpiresAt: string | null;
  /** Lowest average category scores first (at most three). */
  weakestCategories: Array<{
    category: string;
    title: string;
    averageScore: number;
  }>;
}

/** Response of `GET /rollups?by=...`. @public */
export interface MaturityRollupsResponse {
  by: RollupDimension;
  checklistVersion: string;
  rollups: MaturityRollup[];
}

/** One answer of an assessment, as the audit shows it. @public */
export interface MaturityAuditAnswer {
  itemId: string;
  /** Title of the item in the checklist the assessment answered. */
  itemTitle: string;
  answer: AssessmentAnswerValue;
  evidenceUrl?: string;
  note?: string;
  expiresAt: string;
  /** Whether the answer, its note or its evidence differ from the previous assessment (true for the first one). */
  changed: boolean;
}

/** One submitted assessment in the audit: who submitted it, when, and every answer it gave. @public */
export interface MaturityAuditAssessment extends AssessmentRecord {
  answers: MaturityAuditAnswer[];
  /** How many of its answers are `not-applicable`. */
  notApplicableCount: number;
}

/** Response of `GET /entities/:kind/:namespace/:name/maturity/audit` (reliability admins only). @public */
export interface MaturityAuditLog {
  entityRef: string;
  /** Newest first, at most the requested number. */
  assessments: MaturityAuditAssessment[];
}
