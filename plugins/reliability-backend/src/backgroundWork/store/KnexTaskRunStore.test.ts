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
const slo = { taskId: SLO };
const FILES = 'reliability-oncall-schedule-files';

describe('KnexTaskRunStore', () => {
  it.each(databases.eachSupportedId())(
    'records a registration, a run that succeeded and one that failed, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.registered(
        slo,
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
      await store.started(slo, first, 'replica-a');
      expect((await store.list())[0].lastRun).toEqual({
        startedAt: first,
        outcome: 'running',
        runner: 'replica-a',
      });
      await store.ended(slo, first, {
        outcome: 'succeeded',
        endedAt: at('2026-12-01T10:00:25.623Z'),
        durationMs: 20500,
      });
      const second = at('2026-12-01T10:05:05Z');
      await store.started(slo, second, 'replica-b');
      await store.ended(slo, second, {
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
        slo,
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
        slo,
        { cadence: 'PT5M' },
        at('2026-12-01T10:00:00Z'),
      );
      const stale = at('2026-12-01T10:00:00Z');
      const current = at('2026-12-01T10:05:00Z');
      await store.started(slo, stale, 'replica-a');
      await store.started(slo, current, 'replica-b');
      await store.ended(slo, stale, {
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
      await store.registered({ taskId: 'gone' }, { cadence: 'PT5M' }, old);
      await store.registered(
        { taskId: 'ran-recently' },
        { cadence: 'PT5M' },
        old,
      );
      await store.started({ taskId: 'ran-recently' }, recent, 'replica-a');
      await store.registered(
        { taskId: 'registered-recently' },
        { cadence: 'PT5M' },
        recent,
      );
      expect(
        await store.deleteUnusedSince(
          at('2026-11-01T00:00:00Z'),
          at('2026-11-29T00:00:00Z'),
        ),
      ).toBe(1);
      expect((await store.list()).map(r => r.taskId)).toEqual([
        'ran-recently',
        'registered-recently',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps each replica's copy of a local task apart, beside a global task's one record, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      const a = { taskId: FILES, replica: 'backstage-a' };
      const b = { taskId: FILES, replica: 'backstage-b' };
      await store.registered(
        slo,
        { cadence: 'PT5M' },
        at('2026-12-01T09:00:00Z'),
      );
      await store.registered(
        a,
        { cadence: 'PT1M' },
        at('2026-12-01T09:00:00Z'),
      );
      await store.registered(
        b,
        { cadence: 'PT1M' },
        at('2026-12-01T09:30:00Z'),
      );
      await store.started(a, at('2026-12-01T10:00:00Z'), 'backstage-a');
      await store.ended(a, at('2026-12-01T10:00:00Z'), {
        outcome: 'succeeded',
        endedAt: at('2026-12-01T10:00:01Z'),
        durationMs: 1000,
      });
      await store.started(b, at('2026-12-01T10:00:30Z'), 'backstage-b');
      await store.ended(b, at('2026-12-01T10:00:30Z'), {
        outcome: 'failed',
        endedAt: at('2026-12-01T10:00:31Z'),
        error: 'schedule file unreadable',
      });
      await store.started(slo, at('2026-12-01T10:01:00Z'), 'backstage-b');
      // The heartbeat stamps the replica's local copies only.
      await store.seen('backstage-a', at('2026-12-01T10:02:00Z'));

      const records = await store.list();
      expect(records.map(r => [r.taskId, r.replica, r.seenAt])).toEqual([
        [FILES, 'backstage-a', at('2026-12-01T10:02:00Z')],
        [FILES, 'backstage-b', at('2026-12-01T10:00:31Z')],
        [SLO, undefined, undefined],
      ]);
      expect(records[0].lastRun).toMatchObject({
        outcome: 'succeeded',
        runner: 'backstage-a',
      });
      expect(records[0].lastSuccess?.durationMs).toBe(1000);
      expect(records[1].lastRun).toMatchObject({
        outcome: 'failed',
        error: 'schedule file unreadable',
        runner: 'backstage-b',
      });
      expect(records[1].lastSuccess).toBeUndefined();
      expect(records[2].lastRun).toMatchObject({
        outcome: 'running',
        runner: 'backstage-b',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the copies of two processes on one host apart, each with its host name and pid, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const one = { taskId: FILES, replica: 'vm-1:4101:0a0a0a0a' };
      const two = { taskId: FILES, replica: 'vm-1:4102:0b0b0b0b' };
      await store.registered(
        one,
        { cadence: 'PT1M' },
        at('2026-12-01T10:00:00Z'),
        { host: 'vm-1', pid: 4101 },
      );
      await store.registered(
        two,
        { cadence: 'PT1M' },
        at('2026-12-01T10:00:00Z'),
        { host: 'vm-1', pid: 4102 },
      );
      await store.started(one, at('2026-12-01T10:01:00Z'), 'vm-1');
      await store.seen(two.replica, at('2026-12-01T10:02:00Z'));
      const records = await store.list();
      expect(
        records.map(r => [r.replica, r.replicaLabel, r.seenAt, r.lastRun]),
      ).toEqual([
        [
          one.replica,
          { host: 'vm-1', pid: 4101 },
          at('2026-12-01T10:01:00Z'),
          {
            startedAt: at('2026-12-01T10:01:00Z'),
            outcome: 'running',
            runner: 'vm-1',
          },
        ],
        [
          two.replica,
          { host: 'vm-1', pid: 4102 },
          at('2026-12-01T10:02:00Z'),
          undefined,
        ],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps no record of the other scope when a task is registered as local or global, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      // The one shared row a local task had before its runs were recorded per replica.
      await store.registered(
        { taskId: FILES },
        { cadence: 'PT1M' },
        at('2026-12-01T09:00:00Z'),
      );
      await store.registered(
        { taskId: FILES, replica: 'backstage-a' },
        { cadence: 'PT1M' },
        at('2026-12-01T10:00:00Z'),
      );
      expect((await store.list()).map(r => r.replica)).toEqual(['backstage-a']);
      await store.registered(
        { taskId: FILES },
        { cadence: 'PT1M' },
        at('2026-12-01T11:00:00Z'),
      );
      expect((await store.list()).map(r => r.replica)).toEqual([undefined]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes the copies of replicas not seen since a time, and keeps a live replica registered long ago, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const longAgo = at('2026-10-01T00:00:00Z');
      const gone = { taskId: FILES, replica: 'backstage-gone' };
      const live = { taskId: FILES, replica: 'backstage-live' };
      await store.registered(
        gone,
        { cadence: 'PT1M' },
        at('2026-11-28T00:00:00Z'),
      );
      await store.registered(live, { cadence: 'manual' }, longAgo);
      await store.seen('backstage-live', at('2026-11-30T00:00:00Z'));
      expect(
        await store.deleteUnusedSince(
          at('2026-11-01T00:00:00Z'),
          at('2026-11-29T00:00:00Z'),
        ),
      ).toBe(1);
      expect((await store.list()).map(r => r.replica)).toEqual([
        'backstage-live',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps each local task's latest Run now request, and deletes requests older than the replicas' retention, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.requestRun(FILES, {
        at: at('2026-12-01T10:00:00Z'),
        by: 'user:default/alice',
        reason: 'Schedule file fixed',
      });
      await store.requestRun(FILES, {
        at: at('2026-12-01T10:05:00.250Z'),
        by: 'user:default/bob',
        reason: 'r'.repeat(600),
      });
      await store.requestRun('reliability-other-local-task', {
        at: at('2026-11-28T00:00:00Z'),
        by: 'user:default/alice',
        reason: 'long ago',
      });
      expect(await store.runRequests()).toEqual([
        {
          taskId: FILES,
          requestedAt: at('2026-12-01T10:05:00.250Z'),
          requestedBy: 'user:default/bob',
        },
        {
          taskId: 'reliability-other-local-task',
          requestedAt: at('2026-11-28T00:00:00Z'),
          requestedBy: 'user:default/alice',
        },
      ]);
      expect(
        await store.deleteUnusedSince(
          at('2026-11-01T00:00:00Z'),
          at('2026-11-30T10:00:00Z'),
        ),
      ).toBe(1);
      expect((await store.runRequests()).map(r => r.taskId)).toEqual([FILES]);
    },
  );
});
