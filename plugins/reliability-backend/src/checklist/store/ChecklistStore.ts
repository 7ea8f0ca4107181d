import {
  AssessmentAnswerInput,
  AssessmentDetail,
  AssessmentRecord,
  CategoryScore,
  Checklist,
  StoredAnswer,
} from '@internal/backstage-plugin-reliability-common';

/** A new assessment to store. */
export interface NewAssessment {
  entityRef: string;
  checklist: Checklist;
  answers: Record<string, StoredAnswer>;
  score: number | null;
  level: string;
  author: string;
  createdAt: Date;
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
  evaluatedAt: string;
}

/** A page of the level index (see {@link ChecklistStore.pageEntityRefsWithLevel}). */
export interface LevelPageRequest {
  level: string;
  /** Lower-case entity kind, e.g. `component`. */
  kind: string;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Whether to count the refs at the level (skipped on later pages, whose total is known). */
  includeTotal: boolean;
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

/** Persistence of assessments, latest evaluations, drafts and retention bookkeeping. */
export interface ChecklistStore {
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
  /**
   * One page of the refs of a kind at a level (evaluated or recorded unevaluated), ordered by ref, and their
   * total: two queries on the (level, entity_ref) index.
   */
  pageEntityRefsWithLevel(options: LevelPageRequest): Promise<{
    entityRefs: string[];
    totalItems?: number;
  }>;

  getDraft(
    entityRef: string,
    userRef: string,
  ): Promise<StoredDraft | undefined>;
  saveDraft(draft: StoredDraft): Promise<void>;
  deleteDraft(entityRef: string, userRef: string): Promise<void>;

  /**
   * Retention: records which stored entities are missing from `presentEntityRefs` (since `now`), forgets marks
   * of entities that are back, and deletes every row of entities missing since before `purgeBefore`.
   * Returns the purged entity refs.
   */
  applyRetention(options: {
    presentEntityRefs: Set<string>;
    now: Date;
    purgeBefore: Date;
  }): Promise<string[]>;
}
