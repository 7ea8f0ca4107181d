import {
  AssessmentDetail,
  AssessmentRecord,
  CategoryScore,
  NO_LEVEL,
} from '@internal/backstage-plugin-reliability-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { nextTurn } from '../../shared/giveWay';
import { dbIso, dbIsoOrNull, dbNumber } from '../../shared/dbValues';
import {
  ChecklistStore,
  LatestEvaluation,
  NewAssessment,
  StoredDraft,
} from './ChecklistStore';

const ASSESSMENTS = 'checklist_assessments';
const LATEST = 'checklist_latest';
const DRAFTS = 'checklist_drafts';
const MISSING = 'checklist_missing_entities';
/** Exemptions (KnexExemptionStore) go with the rest of an entity's checklist data. */
const EXEMPTIONS = 'checklist_exemptions';

/** Bound on `IN (...)` lists and batched inserts, well below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;
/** Evaluations per query when all are read (keyset pages by entity ref). */
const ALL_EVALUATIONS_PAGE = 1000;

type AssessmentRow = {
  id: string;
  entity_ref: string;
  checklist_version: string;
  checklist_snapshot: string;
  answers: string;
  score: number | string | null;
  level: string;
  author: string;
  created_at: unknown;
  blocking_next_level?: string | null;
};

function toRecord(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checklistVersion: row.checklist_version,
    score: dbNumber(row.score),
    level: row.level,
    author: row.author,
    createdAt: dbIso(row.created_at),
  };
}

function toDetail(row: AssessmentRow): AssessmentDetail {
  return {
    ...toRecord(row),
    checklist: JSON.parse(row.checklist_snapshot),
    answers: JSON.parse(row.answers),
    ...(row.blocking_next_level
      ? { blockingNextLevel: JSON.parse(row.blocking_next_level) }
      : {}),
  };
}

type LatestRow = {
  entity_ref: string;
  assessment_id: string | null;
  checklist_version: string | null;
  assessed_at: unknown;
  score: number | string | null;
  level: string;
  category_scores: string;
  passing_items: string | null;
  evaluated_at: unknown;
};

function toEvaluation(row: LatestRow): LatestEvaluation {
  return {
    entityRef: row.entity_ref,
    assessmentId: row.assessment_id,
    checklistVersion: row.checklist_version,
    assessedAt: dbIsoOrNull(row.assessed_at),
    score: dbNumber(row.score),
    level: row.level,
    // Rows written before not-applicable answers (or exemptions) were counted lack those counts until the next
    // refresh.
    categoryScores: (JSON.parse(row.category_scores) as CategoryScore[]).map(
      c => ({
        ...c,
        notApplicable: c.notApplicable ?? 0,
        exempt: c.exempt ?? 0,
      }),
    ),
    passingItems: row.passing_items ? JSON.parse(row.passing_items) : null,
    evaluatedAt: dbIso(row.evaluated_at),
  };
}

function passingItemsText(items: string[] | null | undefined): string | null {
  return items ? JSON.stringify(items) : null;
}

/** The checklist store on the plugin's Knex database (SQLite or PostgreSQL). */
export class KnexChecklistStore implements ChecklistStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async insertAssessment(
    assessment: NewAssessment,
    evaluation: Omit<
      LatestEvaluation,
      'assessmentId' | 'checklistVersion' | 'assessedAt'
    >,
  ): Promise<AssessmentRecord> {
    const row: AssessmentRow = {
      id: randomUUID(),
      entity_ref: assessment.entityRef,
      checklist_version: assessment.checklist.version,
      checklist_snapshot: JSON.stringify(assessment.checklist),
      answers: JSON.stringify(assessment.answers),
      score: assessment.score,
      level: assessment.level,
      author: assessment.author,
      created_at: assessment.createdAt,
      blocking_next_level: JSON.stringify(assessment.blockingNextLevel),
    };
    await this.knex.transaction(async tx => {
      await tx(ASSESSMENTS).insert(row);
      await tx(LATEST)
        .insert({
          entity_ref: assessment.entityRef,
          assessment_id: row.id,
          checklist_version: assessment.checklist.version,
          assessed_at: assessment.createdAt,
          score: evaluation.score,
          level: evaluation.level,
          category_scores: JSON.stringify(evaluation.categoryScores),
          passing_items: passingItemsText(evaluation.passingItems),
          evaluated_at: new Date(evaluation.evaluatedAt),
          unevaluated: false,
        })
        .onConflict('entity_ref')
        .merge();
    });
    return toRecord(row);
  }

  async getAssessment(
    entityRef: string,
    id: string,
  ): Promise<AssessmentDetail | undefined> {
    const row = await this.knex<AssessmentRow>(ASSESSMENTS)
      .where({ id, entity_ref: entityRef })
      .first();
    return row ? toDetail(row) : undefined;
  }

  async getLatestAssessments(
    entityRefs: string[],
  ): Promise<Map<string, AssessmentDetail>> {
    const result = new Map<string, AssessmentDetail>();
    for (const refs of chunk([...new Set(entityRefs)], BATCH)) {
      const rows: AssessmentRow[] = await this.knex(`${ASSESSMENTS} as a`)
        .join(`${LATEST} as l`, 'l.assessment_id', 'a.id')
        .whereIn('l.entity_ref', refs)
        .select('a.*');
      for (const row of rows) {
        result.set(row.entity_ref, toDetail(row));
      }
    }
    return result;
  }

  async listHistory(
    entityRef: string,
    limit: number,
  ): Promise<AssessmentRecord[]> {
    const rows: AssessmentRow[] = await this.knex(ASSESSMENTS)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select(
        'id',
        'entity_ref',
        'checklist_version',
        'score',
        'level',
        'author',
        'created_at',
      );
    return rows.map(toRecord).reverse();
  }

  async listAssessments(
    entityRef: string,
    limit: number,
  ): Promise<AssessmentDetail[]> {
    const rows: AssessmentRow[] = await this.knex(ASSESSMENTS)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select('*');
    return rows.map(toDetail);
  }

  async upsertEvaluations(
    evaluations: Array<
      Omit<LatestEvaluation, 'assessmentId' | 'checklistVersion' | 'assessedAt'>
    >,
  ): Promise<void> {
    // A submission racing with a refresh batch may be overwritten by a score computed from the previous answers;
    // the next refresh corrects it, and the entity page always computes live.
    for (const batch of chunk(evaluations, 100)) {
      await this.knex(LATEST)
        .insert(
          batch.map(e => ({
            entity_ref: e.entityRef,
            assessment_id: null,
            checklist_version: null,
            assessed_at: null,
            score: e.score,
            level: e.level,
            category_scores: JSON.stringify(e.categoryScores),
            passing_items: passingItemsText(e.passingItems),
            evaluated_at: new Date(e.evaluatedAt),
            unevaluated: false,
          })),
        )
        .onConflict('entity_ref')
        .merge([
          'score',
          'level',
          'category_scores',
          'passing_items',
          'evaluated_at',
          'unevaluated',
        ]);
    }
  }

  async getEvaluations(
    entityRefs?: string[],
  ): Promise<Map<string, LatestEvaluation>> {
    const result = new Map<string, LatestEvaluation>();
    if (!entityRefs) {
      // Every evaluation, a page at a time with a turn of the event loop between pages: read and parsed in one
      // go, 10,000 of them held the loop (and every other request of the process) for over 100 ms.
      let after: string | undefined;
      for (;;) {
        const query = this.knex<LatestRow>(LATEST)
          .where('unevaluated', false)
          .orderBy('entity_ref')
          .limit(ALL_EVALUATIONS_PAGE)
          .select('*');
        if (after !== undefined) query.where('entity_ref', '>', after);
        const rows = await query;
        for (const row of rows) result.set(row.entity_ref, toEvaluation(row));
        if (rows.length < ALL_EVALUATIONS_PAGE) return result;
        after = rows[rows.length - 1].entity_ref;
        await nextTurn();
      }
    }
    for (const refs of chunk([...new Set(entityRefs)], BATCH)) {
      const rows = await this.knex<LatestRow>(LATEST)
        .where('unevaluated', false)
        .whereIn('entity_ref', refs)
        .select('*');
      for (const row of rows) result.set(row.entity_ref, toEvaluation(row));
    }
    return result;
  }

  async recordUnevaluated(entityRefs: string[], at: Date): Promise<void> {
    for (const batch of chunk([...new Set(entityRefs)], 100)) {
      await this.knex(LATEST)
        .insert(
          batch.map(ref => ({
            entity_ref: ref,
            assessment_id: null,
            checklist_version: null,
            assessed_at: null,
            score: null,
            level: NO_LEVEL,
            category_scores: '[]',
            evaluated_at: at,
            unevaluated: true,
          })),
        )
        .onConflict('entity_ref')
        .ignore();
    }
  }

  async pageEntityRefsWithLevel(
    options: Parameters<ChecklistStore['pageEntityRefsWithLevel']>[0],
  ): Promise<{ entityRefs: string[]; totalItems?: number }> {
    const { level, kind, order, offset, limit, includeTotal } = options;
    // `kind:` .. `kind;` is the range of refs of that kind (';' follows ':'), an index range scan.
    const ofKind = () =>
      this.knex(LATEST)
        .where('level', level)
        .where('entity_ref', '>=', `${kind}:`)
        .where('entity_ref', '<', `${kind};`);
    const [rows, count] = await Promise.all([
      ofKind()
        .orderBy('entity_ref', order)
        .offset(offset)
        .limit(limit)
        .select('entity_ref') as Promise<Array<{ entity_ref: string }>>,
      includeTotal
        ? (ofKind().count({ n: '*' }).first() as Promise<
            { n: number | string } | undefined
          >)
        : Promise.resolve(undefined),
    ]);
    return {
      entityRefs: rows.map(r => r.entity_ref),
      totalItems: count ? Number(count.n) : undefined,
    };
  }

  async getDraft(
    entityRef: string,
    userRef: string,
  ): Promise<StoredDraft | undefined> {
    const row = await this.knex(DRAFTS)
      .where({ entity_ref: entityRef, user_ref: userRef })
      .first();
    if (!row) return undefined;
    return {
      entityRef: row.entity_ref,
      userRef: row.user_ref,
      checklistVersion: row.checklist_version,
      answers: JSON.parse(row.answers),
      step: Number(row.step),
      updatedAt: dbIso(row.updated_at),
    };
  }

  async saveDraft(draft: StoredDraft): Promise<void> {
    await this.knex(DRAFTS)
      .insert({
        entity_ref: draft.entityRef,
        user_ref: draft.userRef,
        checklist_version: draft.checklistVersion,
        answers: JSON.stringify(draft.answers),
        step: draft.step,
        updated_at: new Date(draft.updatedAt),
      })
      .onConflict(['entity_ref', 'user_ref'])
      .merge();
  }

  async deleteDraft(entityRef: string, userRef: string): Promise<void> {
    await this.knex(DRAFTS)
      .where({ entity_ref: entityRef, user_ref: userRef })
      .delete();
  }

  async applyRetention(options: {
    presentEntityRefs: Set<string>;
    now: Date;
    purgeBefore: Date;
  }): Promise<string[]> {
    const { presentEntityRefs, now, purgeBefore } = options;
    return this.knex.transaction(async tx => {
      const storedRows: Array<{ entity_ref: string }> = await tx
        .select('entity_ref')
        .from(ASSESSMENTS)
        .union(qb => qb.select('entity_ref').from(LATEST))
        .union(qb => qb.select('entity_ref').from(DRAFTS))
        .union(qb => qb.select('entity_ref').from(EXEMPTIONS));
      const stored = new Set(storedRows.map(r => r.entity_ref));

      const marks: Array<{ entity_ref: string; missing_since: unknown }> =
        await tx(MISSING).select('entity_ref', 'missing_since');
      const marked = new Map(
        marks.map(m => [m.entity_ref, Date.parse(dbIso(m.missing_since))]),
      );

      const back = [...marked.keys()].filter(
        ref => presentEntityRefs.has(ref) || !stored.has(ref),
      );
      for (const refs of chunk(back, BATCH)) {
        await tx(MISSING).whereIn('entity_ref', refs).delete();
      }

      const newlyMissing = [...stored].filter(
        ref => !presentEntityRefs.has(ref) && !marked.has(ref),
      );
      for (const refs of chunk(newlyMissing, 100)) {
        await tx(MISSING).insert(
          refs.map(ref => ({ entity_ref: ref, missing_since: now })),
        );
      }

      const purge = [...marked.entries()]
        .filter(
          ([ref, since]) =>
            !presentEntityRefs.has(ref) &&
            stored.has(ref) &&
            since <= purgeBefore.getTime(),
        )
        .map(([ref]) => ref);
      for (const refs of chunk(purge, BATCH)) {
        for (const table of [
          ASSESSMENTS,
          LATEST,
          DRAFTS,
          EXEMPTIONS,
          MISSING,
        ]) {
          await tx(table).whereIn('entity_ref', refs).delete();
        }
      }
      return purge;
    });
  }
}
