import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { defaultChecklist } from '../defaultChecklist';
import { KnexChecklistStore } from './KnexChecklistStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexChecklistStore({ knex }) };
}

const ref = 'component:default/orders';
const categoryScores = [
  {
    category: 'slos',
    title: 'SLOs & error budgets',
    score: 50,
    earnedWeight: 1,
    possibleWeight: 2,
    notApplicable: 1,
    exempt: 0,
  },
];

function evaluation(entityRef: string, score: number | null, level: string) {
  return {
    entityRef,
    score,
    level,
    categoryScores,
    passingItems: ['rollback', 'slo-defined'],
    evaluatedAt: '2026-11-22T10:00:00.000Z',
  };
}

describe('KnexChecklistStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps every assessment as history and the newest as latest, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const answers = {
        rollback: {
          answer: 'yes' as const,
          evidenceUrl: 'https://wiki.example.com/rollback',
          expiresAt: '2027-05-01T00:00:00.000Z',
          answeredAt: '2026-11-01T00:00:00.000Z',
        },
      };
      const first = await store.insertAssessment(
        {
          entityRef: ref,
          checklist: defaultChecklist,
          answers,
          score: 42.5,
          level: 'none',
          author: 'user:default/alice',
          createdAt: new Date('2026-11-01T00:00:00Z'),
          blockingNextLevel: [
            { itemId: 'slo-defined', status: 'unknown' },
            { itemId: 'oncall', status: 'no' },
          ],
        },
        evaluation(ref, 42.5, 'none'),
      );
      const second = await store.insertAssessment(
        {
          entityRef: ref,
          checklist: { ...defaultChecklist, version: 'v2' },
          answers: {},
          score: 80,
          level: 'beginner',
          author: 'user:default/bob',
          createdAt: new Date('2026-11-10T00:00:00Z'),
          blockingNextLevel: [],
        },
        evaluation(ref, 80, 'beginner'),
      );
      expect(first).toEqual({
        id: expect.any(String),
        entityRef: ref,
        checklistVersion: defaultChecklist.version,
        score: 42.5,
        level: 'none',
        author: 'user:default/alice',
        createdAt: '2026-11-01T00:00:00.000Z',
      });

      const history = await store.listHistory(ref, 10);
      expect(history.map(h => h.id)).toEqual([first.id, second.id]);
      expect((await store.listHistory(ref, 1)).map(h => h.id)).toEqual([
        second.id,
      ]);

      const audit = await store.listAssessments(ref, 10);
      expect(audit.map(a => [a.id, a.author])).toEqual([
        [second.id, 'user:default/bob'],
        [first.id, 'user:default/alice'],
      ]);
      expect(audit[1].answers).toEqual(answers);
      expect(audit[1].blockingNextLevel).toEqual([
        { itemId: 'slo-defined', status: 'unknown' },
        { itemId: 'oncall', status: 'no' },
      ]);
      expect(audit[0].blockingNextLevel).toEqual([]);
      expect(audit[1].checklist.version).toBe(defaultChecklist.version);
      expect((await store.listAssessments(ref, 1)).map(a => a.id)).toEqual([
        second.id,
      ]);

      const old = await store.getAssessment(ref, first.id);
      expect(old?.checklist.version).toBe(defaultChecklist.version);
      expect(old?.checklist.items).toHaveLength(defaultChecklist.items.length);
      expect(old?.answers).toEqual(answers);
      expect(await store.getAssessment('component:default/x', first.id)).toBe(
        undefined,
      );

      const latest = await store.getLatestAssessments([
        ref,
        'component:default/none',
      ]);
      expect([...latest.keys()]).toEqual([ref]);
      expect(latest.get(ref)?.id).toBe(second.id);

      const evaluations = await store.getEvaluations([ref]);
      expect(evaluations.get(ref)).toEqual({
        entityRef: ref,
        assessmentId: second.id,
        checklistVersion: 'v2',
        assessedAt: '2026-11-10T00:00:00.000Z',
        score: 80,
        level: 'beginner',
        categoryScores,
        passingItems: ['rollback', 'slo-defined'],
        evaluatedAt: '2026-11-22T10:00:00.000Z',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'reads every evaluation across its pages of 1,000, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const refs = Array.from(
        { length: 2_345 },
        (_, i) => `component:default/svc-${String(i).padStart(5, '0')}`,
      );
      await store.upsertEvaluations(refs.map(r => evaluation(r, 50, 'none')));
      const all = await store.getEvaluations();
      expect(all.size).toBe(refs.length);
      expect([...all.keys()].sort()).toEqual(refs);
    },
  );

  it.each(databases.eachSupportedId())(
    'refreshes evaluations without losing the link to the assessment, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const record = await store.insertAssessment(
        {
          entityRef: ref,
          checklist: defaultChecklist,
          answers: {},
          score: 60,
          level: 'beginner',
          author: 'user:default/alice',
          blockingNextLevel: [],
          createdAt: new Date('2026-11-01T00:00:00Z'),
        },
        evaluation(ref, 60, 'beginner'),
      );
      await store.upsertEvaluations([
        { ...evaluation(ref, 30, 'none'), passingItems: ['rollback'] },
        evaluation('component:default/never-assessed', null, 'none'),
      ]);
      const all = await store.getEvaluations();
      expect(all.size).toBe(2);
      expect(all.get(ref)).toMatchObject({
        assessmentId: record.id,
        score: 30,
        level: 'none',
        passingItems: ['rollback'],
      });
      expect(all.get('component:default/never-assessed')).toMatchObject({
        assessmentId: null,
        assessedAt: null,
        score: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'reads category scores stored before not-applicable answers were counted as none, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.upsertEvaluations([evaluation(ref, 50, 'none')]);
      const { notApplicable: _, ...legacy } = categoryScores[0];
      await knex('checklist_latest')
        .where({ entity_ref: ref })
        .update({ category_scores: JSON.stringify([legacy]) });
      expect(
        (await store.getEvaluations([ref])).get(ref)?.categoryScores,
      ).toEqual([{ ...legacy, notApplicable: 0 }]);
      // Rows written before passing items were recorded have none until the next refresh.
      await knex('checklist_latest')
        .where({ entity_ref: ref })
        .update({ passing_items: null });
      expect(
        (await store.getEvaluations([ref])).get(ref)?.passingItems,
      ).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'pages the refs of a kind at a level, including entities recorded as unevaluated, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsertEvaluations([
        evaluation('component:default/b', 30, 'none'),
        evaluation('component:default/d', 70, 'beginner'),
        evaluation('system:default/a', 20, 'none'),
      ]);
      await store.recordUnevaluated(
        ['component:default/a', 'component:default/c', 'component:default/d'],
        new Date('2026-11-22T10:00:00Z'),
      );
      // Unevaluated rows are not evaluations; recording never overwrites a real one.
      expect([...(await store.getEvaluations()).keys()].sort()).toEqual([
        'component:default/b',
        'component:default/d',
        'system:default/a',
      ]);
      const page = (offset: number, order: 'asc' | 'desc' = 'asc') =>
        store.pageEntityRefsWithLevel({
          level: 'none',
          kind: 'component',
          order,
          offset,
          limit: 2,
          includeTotal: offset === 0,
        });
      expect(await page(0)).toEqual({
        entityRefs: ['component:default/a', 'component:default/b'],
        totalItems: 3,
      });
      expect(await page(2)).toEqual({
        entityRefs: ['component:default/c'],
        totalItems: undefined,
      });
      expect((await page(0, 'desc')).entityRefs).toEqual([
        'component:default/c',
        'component:default/b',
      ]);
      // A later real evaluation replaces the unevaluated row.
      await store.upsertEvaluations([
        evaluation('component:default/a', 90, 'beginner'),
      ]);
      expect((await page(0)).totalItems).toBe(2);
      expect(
        (await store.getEvaluations(['component:default/a'])).get(
          'component:default/a',
        ),
      ).toMatchObject({ level: 'beginner', score: 90 });
    },
  );

  it.each(databases.eachSupportedId())(
    'saves, replaces and deletes drafts per user and entity, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const draft = {
        entityRef: ref,
        userRef: 'user:default/alice',
        checklistVersion: defaultChecklist.version,
        answers: { rollback: { answer: 'partial' as const, note: 'manual' } },
        step: 2,
        updatedAt: '2026-11-22T10:00:00.000Z',
      };
      await store.saveDraft(draft);
      await store.saveDraft({ ...draft, step: 3 });
      expect(await store.getDraft(ref, 'user:default/alice')).toEqual({
        ...draft,
        step: 3,
      });
      expect(await store.getDraft(ref, 'user:default/bob')).toBeUndefined();
      await store.deleteDraft(ref, 'user:default/alice');
      expect(await store.getDraft(ref, 'user:default/alice')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'purges entities gone from the catalog only after the retention period, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const gone = 'component:default/gone';
      for (const entityRef of [ref, gone]) {
        await store.insertAssessment(
          {
            entityRef,
            checklist: defaultChecklist,
            answers: {},
            score: 10,
            level: 'none',
            author: 'user:default/alice',
            createdAt: new Date('2026-01-01T00:00:00Z'),
            blockingNextLevel: [],
          },
          evaluation(entityRef, 10, 'none'),
        );
      }
      await store.saveDraft({
        entityRef: gone,
        userRef: 'user:default/alice',
        checklistVersion: 'x',
        answers: {},
        step: 0,
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
      const present = new Set([ref]);

      // First noticed missing: marked, nothing purged.
      expect(
        await store.applyRetention({
          presentEntityRefs: present,
          now: new Date('2026-02-01T00:00:00Z'),
          purgeBefore: new Date('2026-01-01T00:00:00Z'),
        }),
      ).toEqual([]);
      // Still within retention.
      expect(
        await store.applyRetention({
          presentEntityRefs: present,
          now: new Date('2026-03-01T00:00:00Z'),
          purgeBefore: new Date('2026-01-15T00:00:00Z'),
        }),
      ).toEqual([]);
      // Missing since 2026-02-01, which is before the cut-off: purged everywhere.
      expect(
        await store.applyRetention({
          presentEntityRefs: present,
          now: new Date('2026-06-01T00:00:00Z'),
          purgeBefore: new Date('2026-03-01T00:00:00Z'),
        }),
      ).toEqual([gone]);
      expect(await store.listHistory(gone, 10)).toEqual([]);
      expect(await store.getDraft(gone, 'user:default/alice')).toBeUndefined();
      expect((await store.getEvaluations()).has(gone)).toBe(false);
      expect(await store.listHistory(ref, 10)).toHaveLength(1);
      expect(await knex('checklist_missing_entities').select()).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'forgets the missing mark of an entity that comes back, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.upsertEvaluations([evaluation(ref, 10, 'none')]);
      await store.applyRetention({
        presentEntityRefs: new Set(),
        now: new Date('2026-02-01T00:00:00Z'),
        purgeBefore: new Date('2026-01-01T00:00:00Z'),
      });
      expect(await knex('checklist_missing_entities').select()).toHaveLength(1);
      await store.applyRetention({
        presentEntityRefs: new Set([ref]),
        now: new Date('2026-09-01T00:00:00Z'),
        purgeBefore: new Date('2026-08-01T00:00:00Z'),
      });
      expect(await knex('checklist_missing_entities').select()).toEqual([]);
      expect((await store.getEvaluations()).has(ref)).toBe(true);
    },
  );
});
