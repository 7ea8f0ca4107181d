import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  AnswerView,
  AssessmentBlocker,
  AssessmentDetail,
  AssessmentDraft,
  AssessmentRecord,
  Checklist,
  EntityMaturity,
  isAnswerExpired,
  MaturityAuditLog,
  MaturityHistory,
  MaturitySummary,
  SaveDraftRequest,
  scoreChecklist,
  ScoreExplanation,
  StoredAnswer,
  SubmitAssessmentRequest,
} from '@internal/backstage-plugin-reliability-common';
import type { MaturityLevelIndex } from '../overview/sources';
import { SummarySource } from '../summaries';
import { toAuditAssessment } from './auditLog';
import {
  AutomaticCheckSources,
  evaluateAutomaticItems,
  loadAutomaticCheckData,
} from './automaticChecks';
import { ChecklistConfig } from './config';
import { MaturityLevelDrop, MaturityLevelListener } from './listener';
import { ChecklistStore, LatestEvaluation } from './store/ChecklistStore';
import { ExemptionStore } from './store/ExemptionStore';
import { toStoredAnswers } from './submittedAnswers';

/** An entity's level and the items that pass in its latest evaluation. */
export interface MaturityItemProgress {
  level: string;
  passingItems: string[] | null;
}

/** The items of an evaluation that keep it from the next level, with their status (kept with each assessment). */
function blockersOf(explanation: ScoreExplanation): AssessmentBlocker[] {
  const blocking = new Set(explanation.blockingNextLevel);
  return explanation.items
    .filter(item => blocking.has(item.itemId))
    .map(item => ({ itemId: item.itemId, status: item.status }));
}

/** Options of {@link MaturityService}. */
export interface MaturityServiceOptions {
  store: ChecklistStore;
  /** Active exemptions, applied to every evaluation. */
  exemptions: Pick<ExemptionStore, 'getActiveGrants'>;
  checklist: Checklist;
  config: Pick<
    ChecklistConfig,
    | 'answerValidityDays'
    | 'runbookCoverageThreshold'
    | 'deployGateAskedWithinDays'
  >;
  sources: AutomaticCheckSources;
  /** Told when a refresh finds lower levels. */
  listener?: MaturityLevelListener;
  logger: LoggerService;
  now: () => Date;
}

/**
 * The checklist's domain logic: live evaluation of an entity, submissions, drafts, history, the answer audit
 * and the per-entity evaluations that summaries and the overview's level index read.
 */
export class MaturityService
  implements SummarySource<MaturitySummary>, MaturityLevelIndex
{
  private readonly options: MaturityServiceOptions;

  constructor(options: MaturityServiceOptions) {
    this.options = options;
  }

  get checklist(): Checklist {
    return this.options.checklist;
  }

  /** Scores a batch of entities from their latest answers and fresh automatic results. */
  private async evaluateMany(
    entityRefs: string[],
    answersByEntity: Map<string, Record<string, StoredAnswer>>,
    now: Date = this.options.now(),
  ) {
    const { checklist, sources, logger, config, exemptions } = this.options;
    const [data, grants] = await Promise.all([
      loadAutomaticCheckData(sources, checklist, entityRefs, logger),
      exemptions.getActiveGrants(now, entityRefs),
    ]);
    return entityRefs.map(entityRef => {
      const automatic = evaluateAutomaticItems(checklist, entityRef, data, {
        ...config,
        now,
      });
      const answers = answersByEntity.get(entityRef) ?? {};
      const explanation = scoreChecklist({
        checklist,
        answers,
        automatic,
        exemptions: grants.get(entityRef) ?? {},
        now,
      });
      return { entityRef, automatic, answers, explanation, now };
    });
  }

  private toEvaluation(
    entityRef: string,
    explanation: ScoreExplanation,
    now: Date,
  ): Omit<
    LatestEvaluation,
    'assessmentId' | 'checklistVersion' | 'assessedAt'
  > {
    return {
      entityRef,
      score: explanation.score,
      level: explanation.level,
      categoryScores: explanation.categories,
      passingItems: explanation.items.filter(i => i.passes).map(i => i.itemId),
      evaluatedAt: now.toISOString(),
    };
  }

  /**
   * Current score, explanation, automatic results and latest answers of one entity (computed live). Whether the
   * caller may submit depends on the caller, so the router adds `canSubmit`.
   */
  async getEntityMaturity(
    entityRef: string,
  ): Promise<Omit<EntityMaturity, 'canSubmit'>> {
    const latest = await this.options.store.getLatestAssessments([entityRef]);
    const assessment = latest.get(entityRef);
    const [result] = await this.evaluateMany(
      [entityRef],
      new Map(assessment ? [[entityRef, assessment.answers]] : []),
    );
    const answers: Record<string, AnswerView> = {};
    for (const [itemId, answer] of Object.entries(result.answers)) {
      answers[itemId] = {
        ...answer,
        expired: isAnswerExpired(answer, result.now),
      };
    }
    return {
      entityRef,
      checklistVersion: this.checklist.version,
      explanation: result.explanation,
      automatic: result.automatic,
      answers,
      latestAssessment: assessment ? withoutDetail(assessment) : null,
      outdatedChecklist:
        !!assessment && assessment.checklistVersion !== this.checklist.version,
    };
  }

  /** Validates and stores a submission; the entity's evaluation is updated in the same transaction. */
  async submitAssessment(options: {
    entityRef: string;
    request: SubmitAssessmentRequest;
    author: string;
  }): Promise<AssessmentRecord> {
    const { entityRef, request, author } = options;
    const { checklist, store } = this.options;
    if (request.checklistVersion !== checklist.version) {
      throw new ConflictError(
        `The checklist changed (submitted for version '${request.checklistVersion}', current is '${checklist.version}'); reload and answer again`,
      );
    }
    const now = this.options.now();
    const answers = toStoredAnswers({
      checklist,
      answers: request.answers,
      now,
      answerValidityDays: this.options.config.answerValidityDays,
    });
    const [result] = await this.evaluateMany(
      [entityRef],
      new Map([[entityRef, answers]]),
    );
    const record = await store.insertAssessment(
      {
        entityRef,
        checklist,
        answers,
        score: result.explanation.score,
        level: result.explanation.level,
        author,
        createdAt: now,
        blockingNextLevel: blockersOf(result.explanation),
      },
      this.toEvaluation(entityRef, result.explanation, now),
    );
    if (author.startsWith('user:')) {
      await store.deleteDraft(entityRef, author);
    }
    return record;
  }

  /**
   * DEMO ONLY (the demo maturity seeder): stores an assessment made at `at` with answers as stored, scored as of
   * `at` (with today's automatic results, the only ones known). It becomes the entity's latest evaluation until
   * the next refresh.
   */
  async insertPastAssessment(options: {
    entityRef: string;
    answers: Record<string, StoredAnswer>;
    author: string;
    at: Date;
  }): Promise<AssessmentRecord> {
    const { entityRef, answers, author, at } = options;
    const [result] = await this.evaluateMany(
      [entityRef],
      new Map([[entityRef, answers]]),
      at,
    );
    return this.options.store.insertAssessment(
      {
        entityRef,
        checklist: this.checklist,
        answers,
        score: result.explanation.score,
        level: result.explanation.level,
        author,
        createdAt: at,
        blockingNextLevel: blockersOf(result.explanation),
      },
      this.toEvaluation(entityRef, result.explanation, at),
    );
  }

  async getHistory(entityRef: string, limit: number): Promise<MaturityHistory> {
    return {
      entityRef,
      assessments: await this.options.store.listHistory(entityRef, limit),
    };
  }

  /**
   * The `count` newest assessments of an entity with their answers and the checklist they answered, newest first,
   * in one query (the SLO review report re-scores those of its period to say what held their levels back).
   */
  async getNewestAssessments(
    entityRef: string,
    count: number,
  ): Promise<AssessmentDetail[]> {
    return this.options.store.listAssessments(entityRef, count);
  }

  /**
   * Who answered what: the `limit` newest assessments of an entity with every answer, newest first, each answer
   * flagged when it changed since the assessment before it. For reliability admins (the router checks).
   */
  async getAuditLog(
    entityRef: string,
    limit: number,
  ): Promise<MaturityAuditLog> {
    // One more than shown, so the oldest shown assessment is compared with its predecessor too.
    const assessments = await this.options.store.listAssessments(
      entityRef,
      limit + 1,
    );
    return {
      entityRef,
      assessments: assessments
        .slice(0, limit)
        .map((assessment, i) =>
          toAuditAssessment(assessment, assessments[i + 1]),
        ),
    };
  }

  async getAssessment(
    entityRef: string,
    id: string,
  ): Promise<AssessmentDetail | undefined> {
    return this.options.store.getAssessment(entityRef, id);
  }

  async getDraft(
    entityRef: string,
    userRef: string,
  ): Promise<AssessmentDraft | null> {
    const draft = await this.options.store.getDraft(entityRef, userRef);
    if (!draft) return null;
    return {
      entityRef: draft.entityRef,
      checklistVersion: draft.checklistVersion,
      answers: draft.answers,
      step: draft.step,
      updatedAt: draft.updatedAt,
    };
  }

  async saveDraft(
    entityRef: string,
    userRef: string,
    request: SaveDraftRequest,
  ): Promise<AssessmentDraft> {
    const draft = {
      entityRef,
      userRef,
      checklistVersion: request.checklistVersion,
      answers: request.answers,
      step: request.step ?? 0,
      updatedAt: this.options.now().toISOString(),
    };
    await this.options.store.saveDraft(draft);
    const { userRef: _user, ...view } = draft;
    return view;
  }

  /**
   * Re-evaluates the given entities (answers expire, automatic data changes) and stores the result as
   * their latest evaluation. Entities with neither answers nor any evaluable automatic item are recorded as
   * unevaluated (level `none`, not an evaluation). Entities with an active exemption always count as evaluated.
   */
  async refresh(entityRefs: string[]): Promise<number> {
    const [latest, previous] = await Promise.all([
      this.options.store.getLatestAssessments(entityRefs),
      this.options.listener
        ? this.options.store.getEvaluations(entityRefs)
        : Promise.resolve(new Map<string, LatestEvaluation>()),
    ]);
    const results = await this.evaluateMany(
      entityRefs,
      new Map([...latest].map(([ref, a]) => [ref, a.answers])),
    );
    const evaluations = results
      .filter(
        r =>
          latest.has(r.entityRef) ||
          r.automatic.some(a => a.status !== 'unknown') ||
          r.explanation.exempt.length > 0,
      )
      .map(r => this.toEvaluation(r.entityRef, r.explanation, r.now));
    await this.options.store.upsertEvaluations(evaluations);
    // Entities without answers or automatic data still get a `none` row, so `level=none` is an index lookup.
    const evaluated = new Set(evaluations.map(e => e.entityRef));
    const drops = this.levelDrops(
      previous,
      results.filter(r => evaluated.has(r.entityRef)),
    );
    if (drops.length > 0) {
      await this.options.listener?.levelsDropped(drops);
    }
    await this.options.store.recordUnevaluated(
      entityRefs.filter(ref => !evaluated.has(ref)),
      this.options.now(),
    );
    return evaluations.length;
  }

  /** Entities whose level is lower than in their previous stored evaluation. */
  private levelDrops(
    previous: Map<string, LatestEvaluation>,
    results: Array<{ entityRef: string; explanation: ScoreExplanation }>,
  ): MaturityLevelDrop[] {
    const rank = (level: string) =>
      this.checklist.levels.findIndex(l => l.id === level);
    const drops: MaturityLevelDrop[] = [];
    for (const { entityRef, explanation } of results) {
      const before = previous.get(entityRef);
      if (!before || rank(explanation.level) >= rank(before.level)) continue;
      drops.push({
        entityRef,
        from: before.level,
        to: explanation.level,
        previousEvaluatedAt: before.evaluatedAt,
        blocking: explanation.items
          .filter(
            i =>
              !i.passes &&
              rank(i.level) >= 0 &&
              rank(i.level) <= rank(before.level),
          )
          .map(i => i.itemId),
      });
    }
    return drops;
  }

  /** Latest evaluations as summaries, in one query. */
  async getSummaries(
    entityRefs: string[],
  ): Promise<Map<string, MaturitySummary>> {
    const evaluations = await this.options.store.getEvaluations(entityRefs);
    const summaries = new Map<string, MaturitySummary>();
    for (const [ref, e] of evaluations) {
      summaries.set(ref, {
        entityRef: ref,
        score: e.score,
        level: e.level,
        checklistVersion: e.checklistVersion,
        assessedAt: e.assessedAt,
      });
    }
    return summaries;
  }

  /**
   * Level and passing items of each entity's latest evaluation, in one query (what campaigns measure).
   * Entities never evaluated are absent; `passingItems` is null until the next refresh for old rows.
   */
  async getItemProgress(
    entityRefs: string[],
  ): Promise<Map<string, MaturityItemProgress>> {
    const evaluations = await this.options.store.getEvaluations(entityRefs);
    const progress = new Map<string, MaturityItemProgress>();
    for (const [ref, e] of evaluations) {
      progress.set(ref, { level: e.level, passingItems: e.passingItems });
    }
    return progress;
  }

  /** One page of the refs of a kind at a level, ordered by ref (the overview's level filter). */
  async pageEntityRefsWithLevel(
    options: Parameters<MaturityLevelIndex['pageEntityRefsWithLevel']>[0],
  ): Promise<{ entityRefs: string[]; totalItems?: number }> {
    return this.options.store.pageEntityRefsWithLevel(options);
  }
}

function withoutDetail(detail: AssessmentDetail): AssessmentRecord {
  const { checklist: _c, answers: _a, ...record } = detail;
  return record;
}
