import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexTrendsStore } from './KnexTrendsStore';
import { MaturitySnapshotRow, SloSnapshotRow } from './TrendsStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexTrendsStore({ knex }) };
}

const at = new Date('2026-12-01T02:00:00Z');
const team = (
  scopeRef: string,
  score: number | null,
  level = 'beginner',
): MaturitySnapshotRow => ({
  scope: 'team',
  scopeRef,
  score,
  level,
  serviceCount: 3,
  scoredCount: score === null ? 0 : 2,
});
const sloRow = (
  teamRef: string,
  window: string,
  metCount: number,
): SloSnapshotRow => ({
  teamRef,
  window,
  sloCount: 4,
  measuredCount: 3,
  metCount,
});

describe('KnexTrendsStore', () => {
  it.each(databases.eachSupportedId())(
    'replaces a whole day when the snapshot is taken again, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceDay(
        '2026-12-01',
        {
          maturity: [
            team('group:default/a', 40.5),
            team('group:default/b', null),
          ],
          slo: [sloRow('group:default/a', '28d rolling', 1)],
        },
        at,
      );
      await store.replaceDay(
        '2026-12-01',
        {
          maturity: [team('group:default/a', 55, 'intermediate')],
          slo: [sloRow('group:default/a', '28d rolling', 3)],
        },
        at,
      );
      expect(await store.getMaturityOnDay('team', '2026-12-01')).toEqual([
        {
          ...team('group:default/a', 55, 'intermediate'),
          day: '2026-12-01',
          demo: false,
        },
      ]);
      expect(
        await store.getSloSeries('group:default/a', '2026-11-01', '2026-12-31'),
      ).toEqual([
        {
          ...sloRow('group:default/a', '28d rolling', 3),
          day: '2026-12-01',
          demo: false,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces a day a few hundred rows at a time, never leaving it empty, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const teams = (score: number) =>
        Array.from({ length: 1200 }, (_, i) =>
          team(`group:default/t-${i}`, score),
        );
      await store.replaceDay(
        '2026-12-01',
        { maturity: teams(10), slo: [sloRow('group:default/gone', '7d', 1)] },
        at,
      );
      const rowsSeen: number[] = [];
      await store.replaceDay(
        '2026-12-01',
        {
          maturity: teams(20).slice(0, 1100),
          slo: [sloRow('group:default/t-1', '7d', 2)],
        },
        at,
        {
          beforeEachWrite: async () => {
            const [{ n }] = await knex('trend_maturity_snapshots')
              .where({ day: '2026-12-01' })
              .count({ n: '*' });
            rowsSeen.push(Number(n));
          },
        },
      );
      // Three statements of maturity rows, one of SLO rows, then the deletion of what the day no longer has.
      expect(rowsSeen).toEqual([1200, 1200, 1200, 1200, 1200]);
      const day = await store.getMaturityOnDay('team', '2026-12-01');
      expect(day).toHaveLength(1100);
      expect(new Set(day.map(r => r.score))).toEqual(new Set([20]));
      expect(
        (
          await store.getSloSeries(
            'group:default/gone',
            '2026-12-01',
            '2026-12-01',
          )
        ).length,
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads series oldest first within the days asked, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      for (const [day, score] of [
        ['2026-11-29', 30],
        ['2026-11-30', 35],
        ['2026-12-01', 41.5],
      ] as const) {
        await store.replaceDay(
          day,
          {
            maturity: [
              team('group:default/a', score),
              team('group:default/b', 10),
            ],
            slo: [
              sloRow('group:default/a', '7d rolling', 2),
              sloRow('group:default/a', '28d rolling', 1),
            ],
          },
          at,
        );
      }
      const series = await store.getMaturitySeries(
        'team',
        'group:default/a',
        '2026-11-30',
        '2026-12-01',
      );
      expect(series.map(p => [p.day, p.score])).toEqual([
        ['2026-11-30', 35],
        ['2026-12-01', 41.5],
      ]);
      const slo = await store.getSloSeries(
        'group:default/a',
        '2026-12-01',
        '2026-12-01',
      );
      expect(slo.map(r => r.window)).toEqual(['28d rolling', '7d rolling']);
      expect(await store.getLatestDay('team')).toBe('2026-12-01');
      expect(await store.getLatestDay('entity')).toBeNull();
      const oldest = await store.getOldestMaturityIn(
        'team',
        '2026-11-30',
        '2026-12-01',
      );
      expect(oldest.map(r => [r.scopeRef, r.day, r.score])).toEqual([
        ['group:default/a', '2026-11-30', 35],
        ['group:default/b', '2026-11-30', 10],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'adds demo rows only where no row exists and deletes days past retention, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceDay(
        '2026-11-30',
        { maturity: [team('group:default/a', 50)], slo: [] },
        at,
      );
      await store.insertDemoRows(
        [
          {
            day: '2026-11-29',
            maturity: [team('group:default/a', 20)],
            slo: [sloRow('group:default/a', '28d rolling', 0)],
          },
          { day: '2026-11-30', maturity: [team('group:default/a', 21)] },
        ],
        at,
      );
      // Twice: idempotent.
      await store.insertDemoRows(
        [{ day: '2026-11-29', maturity: [team('group:default/a', 22)] }],
        at,
      );
      const series = await store.getMaturitySeries(
        'team',
        'group:default/a',
        '2026-11-01',
        '2026-12-31',
      );
      expect(series.map(p => [p.day, p.score, p.demo])).toEqual([
        ['2026-11-29', 20, true],
        ['2026-11-30', 50, false],
      ]);
      expect(await store.deleteBefore('2026-11-30')).toBe(2);
      expect(
        (
          await store.getMaturitySeries(
            'team',
            'group:default/a',
            '2026-11-01',
            '2026-12-31',
          )
        ).map(p => p.day),
      ).toEqual(['2026-11-30']);
      expect(
        await store.getSloSeries('group:default/a', '2026-11-01', '2026-12-31'),
      ).toEqual([]);
    },
  );
});
