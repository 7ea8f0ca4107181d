import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  AnswerView,
  AssessmentDetail,
  AssessmentDraft,
  AssessmentRecord,
  Checklist,
  EntityMaturity,
  isAnswerExpired,
  MaturityHistory,
  MaturitySummary,
  SaveDraftRequest,
  scoreChecklist,
  ScoreExplanation,
  StoredAnswer,
  SubmitAssessmentRequest,
} from '@internal/backstage-plugin-reliability-common';
import { SummarySource } from '../summaries';
import {
  AutomaticCheckSources,
  evaluateAutomaticItems,
  loadAutomaticCheckData,
} from './automaticChecks';
import { ChecklistSettings } from './checklistConfig';
import {
  ChecklistStore,
  LatestEvaluation,
  LevelPageRequest,
} from './store/ChecklistStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest accepted answer validity. */
const MAX_VALIDITY_DAYS = 3 * 365;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The checklist's domain logic: live evaluation of an entity, submissions, drafts, history and the
 * per-entity evaluations that summaries and roll-ups read.
 */
export class MaturityService implements SummarySource<MaturitySummary> {
  static create(options: {
    store: ChecklistStore;
    checklist: Checklist;
    settings: ChecklistSettings;
    sources: AutomaticCheckSources;
    logger: LoggerService;
    now: () => Date;
  }): MaturityService {
    return new MaturityService(options);
  }

  private constructor(
    private readonly options: {
      store: ChecklistStore;
      checklist: Checklist;
      settings: ChecklistSettings;
      sources: AutomaticCheckSources;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  get checklist(): Checklist {
    return this.options.checklist;
  }

  /** Scores a batch of entities from their latest answers and fresh automatic results. */
  private async evaluateMany(
    entityRefs: string[],
    answersByEntity: Map<string, Record<string, StoredAnswer>>,
  ) {
    const { checklist, sources, logger, settings } = this.options;
    const now = this.options.now();
    const data = await loadAutomaticCheckData(
      sources,
      checklist,
      entityRefs,
      logger,
    );
    return entityRefs.map(entityRef => {
      const automatic = evaluateAutomaticItems(
        checklist,
        entityRef,
        data,
        settings,
      );
      const answers = answersByEntity.get(entityRef) ?? {};
      const explanation = scoreChecklist({
        checklist,
        answers,
        automatic,
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
    const items = new Map(checklist.items.map(i => [i.id, i]));
    const answers: Record<string, StoredAnswer> = {};
    const problems: string[] = [];
    for (const [itemId, input] of Object.entries(request.answers)) {
      const item = items.get(itemId);
      if (!item) {
        problems.push(`unknown item '${itemId}'`);
        continue;
      }
      if (item.kind !== 'self-assessed') {
        problems.push(`item '${itemId}' is evaluated automatically`);
        continue;
      }
      const expiresAt = this.expiryOf(input.expiresAt, now, itemId, problems);
      answers[itemId] = {
        answer: input.answer,
        ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
        ...(input.note ? { note: input.note } : {}),
        expiresAt,
        answeredAt: now.toISOString(),
      };
    }
    if (problems.length > 0) {
      throw new InputError(`Invalid assessment: ${problems.join('; ')}`);
    }
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
      },
      this.toEvaluation(entityRef, result.explanation, now),
    );
    if (author.startsWith('user:')) {
      await store.deleteDraft(entityRef, author);
    }
    return record;
  }

  private expiryOf(
    value: string | undefined,
    now: Date,
    itemId: string,
    problems: string[],
  ): string {
    const { answerValidityDays } = this.options.settings;
    if (value === undefined) {
      return new Date(
        now.getTime() + answerValidityDays * DAY_MS,
      ).toISOString();
    }
    // A date without time means "valid through that day" (UTC).
    const parsed = DATE_ONLY.test(value)
      ? Date.parse(`${value}T00:00:00Z`) + DAY_MS
      : Date.parse(value);
    if (parsed <= now.getTime()) {
      problems.push(`answer to '${itemId}' expires in the past`);
    } else if (parsed > now.getTime() + MAX_VALIDITY_DAYS * DAY_MS) {
      problems.push(
        `answer to '${itemId}' may be valid for at most ${MAX_VALIDITY_DAYS} days`,
      );
    }
    return new Date(parsed).toISOString();
  }

  async getHistory(entityRef: string, limit: number): Promise<MaturityHistory> {
    return {
      entityRef,
      assessments: await this.options.store.listHistory(entityRef, limit),
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
   * unevaluated (level `none`, not an evaluation).
   */
  async refresh(entityRefs: string[]): Promise<number> {
    const latest = await this.options.store.getLatestAssessments(entityRefs);
    const results = await this.evaluateMany(
      entityRefs,
      new Map([...latest].map(([ref, a]) => [ref, a.answers])),
    );
    const evaluations = results
      .filter(
        r =>
          latest.has(r.entityRef) ||
          r.automatic.some(a => a.status !== 'unknown'),
      )
      .map(r => this.toEvaluation(r.entityRef, r.explanation, r.now));
    await this.options.store.upsertEvaluations(evaluations);
    // Entities without answers or automatic data still get a `none` row, so `level=none` is an index lookup.
    const evaluated = new Set(evaluations.map(e => e.entityRef));
    await this.options.store.recordUnevaluated(
      entityRefs.filter(ref => !evaluated.has(ref)),
      this.options.now(),
    );
    return evaluations.length;
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

  /** One page of the refs of a kind at a level, ordered by ref (the overview's level filter). */
  async pageEntityRefsWithLevel(
    options: LevelPageRequest,
  ): Promise<{ entityRefs: string[]; totalItems?: number }> {
    return this.options.store.pageEntityRefsWithLevel(options);
  }
}

function withoutDetail(detail: AssessmentDetail): AssessmentRecord {
  const { checklist: _c, answers: _a, ...record } = detail;
  return record;
}
