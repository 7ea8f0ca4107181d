import { KnexSloStore } from './KnexSloStore';
import { storedFacts, storedStatus } from '../__testUtils__/sloStatus';
import {
  migratedDatabase,
  sloTestDatabases,
} from '../__testUtils__/testDatabase';

jest.setTimeout(60_000);

const A = 'component:default/a';
const B = 'component:default/b';
const C = 'component:default/c';
const facts = storedFacts;

const status = storedStatus;

describe('KnexSloStore', () => {
  it.each(sloTestDatabases.eachSupportedId())(
    'says when each entity last had an SLO collected in an alert state, since a time (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const store = new KnexSloStore({ knex });
      const minute = (m: number) =>
        new Date(Date.UTC(2026, 10, 20, 10, m)).toISOString();
      const record = (
        ref: string,
        slo: string,
        m: number,
        alertState: 'page' | 'ok',
      ) =>
        store.recordStatus(ref, slo, status(minute(m), { alertState }), facts);
      await record(A, 'avail', 0, 'page');
      await record(A, 'latency', 5, 'page');
      await record(A, 'avail', 10, 'ok');
      await record(B, 'avail', 2, 'page');
      await record(C, 'avail', 20, 'ok');
      const since = new Date(minute(1));
      const last = await store.getLastAlertStateAt([A, B, C], 'page', since);
      expect(
        [...last.entries()].map(([ref, at]) => [ref, at.toISOString()]).sort(),
      ).toEqual([
        [A, minute(5)],
        [B, minute(2)],
      ]);
      expect(
        (await store.getLastAlertStateAt([A, B], 'page', new Date(minute(6))))
          .size,
      ).toBe(0);
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'keeps the newest state, history and summaries (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const store = new KnexSloStore({ knex });
      const at = new Date('2026-11-20T00:00:00Z');
      await store.recordEntityFacts(
        A,
        { sloNames: ['avail', 'latency'], definitionErrors: 1 },
        at,
      );
      await store.recordEntityFacts(
        B,
        { sloNames: [], definitionErrors: 2 },
        at,
      );
      for (let i = 0; i < 10; i++) {
        const t = new Date(at.getTime() + i * 60_000).toISOString();
        await store.recordStatus(
          A,
          'avail',
          status(t, { budgetRemaining: 0.5 - i * 0.01 }),
          facts,
        );
      }
      await store.recordStatus(
        A,
        'latency',
        status('2026-11-20T00:05:00.000Z', {
          // The current (calendar) window is failing mid-way, the last complete one was met.
          attainment: 0.9,
          budgetRemaining: -9,
          alertState: 'page',
        }),
        { alertCount: 1, alertsWithRunbook: 1, hasBurnRateAlerts: false },
      );

      const latest = await store.getLatest(A);
      expect(latest.get('avail')?.budgetRemaining).toBeCloseTo(0.41);
      expect(latest.get('latency')?.alertState).toBe('page');

      const full = await store.getHistory(
        A,
        'avail',
        at,
        new Date(at.getTime() + 3600_000),
        100,
      );
      expect(full.downsampled).toBe(false);
      expect(full.points).toHaveLength(10);
      expect(full.points[0]).toMatchObject({
        at: '2026-11-20T00:00:00.000Z',
        budgetRemaining: 0.5,
        burnRates: { '1h': 0.8 },
        stale: false,
      });
      const sampled = await store.getHistory(
        A,
        'avail',
        at,
        new Date(at.getTime() + 10 * 60_000),
        2,
      );
      expect(sampled.downsampled).toBe(true);
      expect(sampled.points).toHaveLength(2);
      expect(sampled.points[0].budgetRemaining).toBeCloseTo(0.48);

      // Met over the last window, per SLO, without reading the states; one SLO with no last window is not known.
      await store.recordStatus(
        C,
        'new',
        status('2026-11-20T00:06:00.000Z', { lastWindow: null }),
        facts,
      );
      const met = await store.getLastWindowMet([
        A,
        B,
        C,
        'component:default/none',
      ]);
      expect([...met.keys()].sort()).toEqual([A, C]);
      expect(Object.fromEntries(met.get(A)!)).toEqual({
        avail: true,
        latency: true,
      });
      expect(Object.fromEntries(met.get(C)!)).toEqual({ new: null });

      // During a rolling deploy a replica on code older than the column writes states without it: the status says.
      await knex('slo_latest')
        .where({ entity_ref: A, slo_name: 'latency' })
        .update({ met_last_window: null });
      const read = await store.getLastWindowMet([A]);
      expect(read.get(A)?.get('latency')).toBe(true);

      const summaries = await store.getSummaries([
        A,
        B,
        'component:default/none',
      ]);
      expect(summaries.size).toBe(2);
      expect(summaries.get(A)).toMatchObject({
        sloCount: 2,
        definitionErrors: 1,
        slosMeetingTarget: 2,
        burnRateAlertsConfigured: false,
        worstBudgetRemaining: -9,
        alerting: 'page',
        alertCount: 3,
        alertsWithRunbook: 2,
        stale: false,
      });
      expect(summaries.get(B)).toMatchObject({
        sloCount: 0,
        definitionErrors: 2,
        slosMeetingTarget: null,
        worstBudgetRemaining: null,
        alerting: null,
      });

      // An SLO removed from the definitions disappears from the newest states.
      await store.recordEntityFacts(
        A,
        { sloNames: ['avail'], definitionErrors: 0 },
        at,
      );
      expect([...(await store.getLatest(A)).keys()]).toEqual(['avail']);

      await expect(
        store.deleteSnapshotsOlderThan(new Date('2026-11-20T00:05:00Z')),
      ).resolves.toBe(5);
      await store.deleteEntities([B, C]);
      expect((await store.listEntityRefs()).sort()).toEqual([A]);
    },
  );

  it.each(sloTestDatabases.eachSupportedId())(
    'records a failed collection as a stale gap in history (%p)',
    async id => {
      const store = new KnexSloStore({
        knex: await migratedDatabase(id),
      });
      await store.recordEntityFacts(
        A,
        { sloNames: ['avail'], definitionErrors: 0 },
        new Date(),
      );
      await store.recordStatus(
        A,
        'avail',
        status('2026-11-20T00:10:00.000Z', {
          collectedAt: '2026-11-20T00:00:00.000Z',
          stale: true,
          error: 'down',
          // A state stored before last windows were computed: not judged.
          lastWindow: undefined,
        }),
        facts,
      );
      const history = await store.getHistory(
        A,
        'avail',
        new Date('2026-11-19T00:00:00Z'),
        new Date('2026-11-21T00:00:00Z'),
        10,
      );
      expect(history.points).toEqual([
        expect.objectContaining({
          attainment: null,
          stale: true,
          alertState: 'unknown',
        }),
      ]);
      expect((await store.getLatest(A)).get('avail')).toMatchObject({
        attainment: 0.995,
        stale: true,
        error: 'down',
      });
      expect((await store.getSummaries([A])).get(A)).toMatchObject({
        stale: true,
        slosMeetingTarget: null,
      });
    },
  );
});
