import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexTaskRunStore, MAX_ERROR_LENGTH } from './KnexTaskRunStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexTaskRunStore({ knex }) };
}

const at = (iso: string) => new Date(iso);
const SLO = 'reliability-slo-refresh';

describe('KnexTaskRunStore', () => {
  it.each(databases.eachSupportedId())(
    'records a registration, a run that succeeded and one that failed, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.registered(
        SLO,
        { cadence: 'PT5M', timeout: 'PT4M', initialDelay: 'PT15S' },
        at('2026-12-01T10:00:00Z'),
      );
      expect(await store.list()).toEqual([
        {
          taskId: SLO,
          cadence: 'PT5M',
          timeout: 'PT4M',
          initialDelay: 'PT15S',
          registeredAt: at('2026-12-01T10:00:00Z'),
        },
      ]);

      const first = at('2026-12-01T10:00:05.123Z');
      await store.started(SLO, first, 'replica-a');
      expect((await store.list())[0].lastRun).toEqual({
        startedAt: first,
        outcome: 'running',
        runner: 'replica-a',
      });
      await store.ended(SLO, first, {
        outcome: 'succeeded',
        endedAt: at('2026-12-01T10:00:25.623Z'),
        durationMs: 20500,
      });
      const second = at('2026-12-01T10:05:05Z');
      await store.started(SLO, second, 'replica-b');
      await store.ended(SLO, second, {
        outcome: 'failed',
        endedAt: at('2026-12-01T10:05:06Z'),
        error: 'x'.repeat(MAX_ERROR_LENGTH + 10),
      });
      const [record] = await store.list();
      expect(record.lastRun).toEqual({
        startedAt: second,
        endedAt: at('2026-12-01T10:05:06Z'),
        outcome: 'failed',
        error: 'x'.repeat(MAX_ERROR_LENGTH),
        runner: 'replica-b',
      });
      // The last success is kept through a failure.
      expect(record.lastSuccess).toEqual({
        endedAt: at('2026-12-01T10:00:25.623Z'),
        durationMs: 20500,
      });

      // A replica registering again changes the schedule, not the runs.
      await store.registered(
        SLO,
        { cadence: 'PT10M' },
        at('2026-12-01T11:00:00Z'),
      );
      const [again] = await store.list();
      expect(again).toMatchObject({
        cadence: 'PT10M',
        registeredAt: at('2026-12-01T11:00:00Z'),
        lastRun: { startedAt: second, outcome: 'failed' },
      });
      expect(again.timeout).toBeUndefined();
      expect(again.initialDelay).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'ignores the end of a run when a later run has started since, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.registered(
        SLO,
        { cadence: 'PT5M' },
        at('2026-12-01T10:00:00Z'),
      );
      const stale = at('2026-12-01T10:00:00Z');
      const current = at('2026-12-01T10:05:00Z');
      await store.started(SLO, stale, 'replica-a');
      await store.started(SLO, current, 'replica-b');
      await store.ended(SLO, stale, {
        outcome: 'succeeded',
        endedAt: at('2026-12-01T10:06:00Z'),
        durationMs: 360_000,
      });
      const [record] = await store.list();
      expect(record.lastRun).toEqual({
        startedAt: current,
        outcome: 'running',
        runner: 'replica-b',
      });
      expect(record.lastSuccess).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes the records of tasks neither registered nor run since a time, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const old = at('2026-10-01T00:00:00Z');
      const recent = at('2026-11-30T00:00:00Z');
      await store.registered('gone', { cadence: 'PT5M' }, old);
      await store.registered('ran-recently', { cadence: 'PT5M' }, old);
      await store.started('ran-recently', recent, 'replica-a');
      await store.registered(
        'registered-recently',
        { cadence: 'PT5M' },
        recent,
      );
      expect(await store.deleteUnusedSince(at('2026-11-01T00:00:00Z'))).toBe(1);
      expect((await store.list()).map(r => r.taskId)).toEqual([
        'ran-recently',
        'registered-recently',
      ]);
    },
  );
});
