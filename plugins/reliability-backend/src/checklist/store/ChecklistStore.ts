import {
  AssessmentBlocker,
  AssessmentAnswerInput,
  AssessmentDetail,
  AssessmentRecord,
  CategoryScore,
  Checklist,
  StoredAnswer,
} from '@internal/backstage-plugin-reliability-common';
import type { MaturityLevelIndex } from '../../overview/sources';

/** A new assessment to store. */
export interface NewAssessment {
  entityRef: string;
  checklist: Checklist;
  answers: Record<string, StoredAnswer>;
  score: number | null;
  level: string;
  author: string;
  createdAt: Date;
  /** The items that kept it from the next level at submission (see `AssessmentDetail.blockingNextLevel`). */
  blockingNextLevel: AssessmentBlocker[];
}

/** The newest evaluation of an entity: source of summaries and roll-ups. */
export interface LatestEvaluation {
  entityRef: string;
  /** Null for entities never assessed (automatic items only). */
  assessmentId: string | null;
  checklistVersion: string | null;
  assessedAt: string | null;
  score: number | null;
  level: string;
  categoryScores: CategoryScore[];
  /**
   * Ids of the items that pass (yes, accepted not applicable, automatic pass, exempt); null for rows written
   * before this was recorded.
   */
  passingItems: string[] | null;
  evaluatedAt: string;
}

/** A saved wizard state. */
export interface StoredDraft {
  entityRef: string;
  userRef: string;
  checklistVersion: string;
  answers: Record<string, Partial<AssessmentAnswerInput>>;
  step: number;
  updatedAt: string;
}

/**
 * Persistence of assessments, latest evaluations, drafts and retention bookkeeping. Its level index
 * (`pageEntityRefsWithLevel`: one page of the refs of a kind at a level, evaluated or recorded unevaluated,
 * ordered by ref, and their total) is two queries on the (level, entity_ref) index.
 */
export interface ChecklistStore extends MaturityLevelIndex {
  /** Stores an assessment and makes it the entity's latest evaluation, atomically. */
  insertAssessment(
    assessment: NewAssessment,
    evaluation: Omit<
      LatestEvaluation,
      'assessmentId' | 'checklistVersion' | 'assessedAt'
    >,
  ): Promise<AssessmentRecord>;
  getAssessment(
    entityRef: string,
    id: string,
  ): Promise<AssessmentDetail | undefined>;
  /** The latest assessment of each entity (one query). */
  getLatestAssessments(
    entityRefs: string[],
  ): Promise<Map<string, AssessmentDetail>>;
  /** Assessments of an entity, oldest first, at most `limit` of the newest. */
  listHistory(entityRef: string, limit: number): Promise<AssessmentRecord[]>;
  /** The `limit` newest assessments of an entity with their answers and checklist, newest first. */
  listAssessments(
    entityRef: string,
    limit: number,
  ): Promise<AssessmentDetail[]>;

  /** Replaces the latest evaluation of each entity (keeps the link to its latest assessment). */
  upsertEvaluations(
    evaluations: Array<
      Omit<LatestEvaluation, 'assessmentId' | 'checklistVersion' | 'assessedAt'>
    >,
  ): Promise<void>;
  /** Latest evaluations of the given entities, or of every entity when omitted (one query). */
  getEvaluations(entityRefs?: string[]): Promise<Map<string, LatestEvaluation>>;
  /**
   * Records entities seen in the catalog but not evaluated (no answers, no automatic data) as `unevaluated`
   * rows at level `none`, so the overview's `level=none` is an index lookup. Existing rows are left alone.
   * Such rows are not evaluations: {@link ChecklistStore.getEvaluations} skips them.
   */
  recordUnevaluated(entityRefs: string[], at: Date): Promise<void>;

  getDraft(
    entityRef: string,
    userRef: string,
  ): Promise<StoredDraft | undefined>;
  saveDraft(draft: StoredDraft): Promise<void>;
  deleteDraft(entityRef: string, userRef: string): Promise<void>;

  /**
   * Retention: records which stored entities are missing from `presentEntityRefs` (since `now`), forgets marks
   * of entities that are back, and deletes every row of entities missing since before `purgeBefore` (their
   * exemptions too). Returns the purged entity refs.
   */
  applyRetention(options: {
    presentEntityRefs: Set<string>;
    now: Date;
    purgeBefore: Date;
  }): Promise<string[]>;
}
