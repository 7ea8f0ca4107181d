import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import path from 'node:path';
import { migrateDatabase } from '../database/migrateDatabase';
import { manualScheduler } from './__testUtils__/manualScheduler';
import { FILES, filesReload, globalTask } from './__testUtils__/taskFixtures';
import { BackgroundWorkService } from './BackgroundWorkService';
import { HEARTBEAT_TASK_ID, recordingScheduler } from './recordingScheduler';
import { KnexTaskRunStore } from './store/KnexTaskRunStore';
import { ReplicaProcess, replicaProcess } from './replicaProcess';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const MINUTE = 60_000;

/** A process on its own host (`backstage-a` runs as pid 1, as in a container). */
const onHost = (host: string, pid = 1) => replicaProcess(host, pid);

/** A reload of the schedule files that fails: one of them is missing. */
const missingScheduleFile = async () => {
  throw new Error('ENOENT: /etc/schedules/web.yaml');
};

async function migratedDatabase(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return knex;
}

/**
 * A migrated database that the replica processes a test starts share, a clock (from 10:00) they all read, and the
 * Background work service that reports on them (as `GET /background-work` does).
 */
async function sharedDatabase(databaseId: TestDatabaseId) {
  const knex = await migratedDatabase(databaseId);
  let clock = new Date('2026-12-01T10:00:00Z').getTime();
  const now = () => new Date(clock);
  const advance = (ms: number) => {
    clock += ms;
  };
  const service = new BackgroundWorkService({
    store: new KnexTaskRunStore({ knex }),
    now,
    scheduler: mockServices.scheduler.mock(),
    logger: mockServices.logger.mock(),
  });

  /**
   * Starts a replica process of the backend that registers the SLO refresh (global) and the schedule files' reload
   * (local, running `reload`). Its scheduler only collects the tasks: the test runs them with `run(id)`, which
   * records a task's failure without throwing it.
   */
  const startReplica = async (
    process: ReplicaProcess,
    reload: SchedulerServiceTaskFunction = async () => {},
  ) => {
    const { scheduler, run: runOrThrow } = manualScheduler();
    const run = (id: string) => runOrThrow(id).catch(() => {});
    // A local task triggered in this process runs at once, as the scheduler's local worker does.
    scheduler.triggerTask.mockImplementation(async id => {
      await run(id);
    });
    const recording = recordingScheduler({
      scheduler,
      store: new KnexTaskRunStore({ knex }),
      logger: mockServices.logger.mock(),
      now,
      replica: process,
    });
    await recording.scheduleTask(globalTask('reliability-slo-refresh'));
    await recording.scheduleTask(filesReload(reload));
    return { run };
  };

  return {
    service,
    advance,
    startReplica,
    /** Moves the clock on a minute at a time, `minutes` times, calling `each` with the minute (1, 2, …) after each. */
    minutesPass: async (
      minutes: number,
      each: (minute: number) => Promise<void>,
    ) => {
      for (let minute = 1; minute <= minutes; minute += 1) {
        advance(MINUTE);
        await each(minute);
      }
    },
    /** The schedule files' reload as the service lists it (with details unless asked otherwise). */
    files: async (withDetails = true) =>
      (await service.list(withDetails)).tasks.find(t => t.id === FILES)!,
  };
}

const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const PER_REPLICA = '20261218100000_background_task_runs_per_replica.js';
const REPLICA_PROCESS =
  '20261219300000_background_task_runs_replica_process.js';

/** Undoes the named migrations, one after the other (the newest first). */
async function migrateDown(knex: Knex, ...names: string[]) {
  for (const name of names) {
    await knex.migrate.down({ directory: MIGRATIONS, name });
  }
}

describe('a local task on two replicas sharing one database', () => {
  it.each(databases.eachSupportedId())(
    "shows each replica's copy: one failing is not hidden by the other's success, and a stopped replica drops out, on %p",
    async databaseId => {
      const { service, advance, startReplica, minutesPass, files } =
        await sharedDatabase(databaseId);
      const a = await startReplica(onHost('backstage-a'));
      const b = await startReplica(onHost('backstage-b'), missingScheduleFile);

      advance(MINUTE);
      await b.run(FILES);
      advance(1000);
      // Replica a's success comes last: with one shared row it hid b's failure.
      await a.run(FILES);
      expect(await files()).toMatchObject({
        state: 'failing',
        lastRun: { runner: 'backstage-b' },
        replicaCount: { total: 2, byState: { failing: 1, ok: 1 } },
      });
      expect((await files(false)).replicaCount).toEqual({
        total: 2,
        byState: { failing: 1, ok: 1 },
      });
      // The task as a whole last succeeded on a (b, shown for its failure, never did).
      expect((await files(false)).lastSuccess).toEqual({
        endedAt: '2026-12-01T10:01:01.000Z',
        durationMs: 0,
      });
      expect(
        (await files()).replicas!.map(r => [r.runner, r.lastSuccess?.endedAt]),
      ).toEqual([
        ['backstage-b', undefined],
        ['backstage-a', '2026-12-01T10:01:01.000Z'],
      ]);
      // The global task still has one record.
      expect(
        (await service.list(true)).tasks.filter(
          t => t.id === 'reliability-slo-refresh',
        ),
      ).toHaveLength(1);

      // Replica b stops (scaled down); a keeps running the task and its heartbeat.
      await minutesPass(6, async minute => {
        await a.run(HEARTBEAT_TASK_ID);
        if (minute % 5 === 0) await a.run(FILES);
      });
      expect(await files()).toMatchObject({
        state: 'ok',
        replicaCount: { total: 1, byState: { ok: 1 } },
        replicas: [{ runner: 'backstage-a', state: 'ok' }],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'says late for a live replica whose copy stopped running (its heartbeat still comes), on %p',
    async databaseId => {
      const { startReplica, minutesPass, files } = await sharedDatabase(
        databaseId,
      );
      const a = await startReplica(onHost('backstage-a'));
      const b = await startReplica(onHost('backstage-b'));
      await a.run(FILES);
      await b.run(FILES);
      await minutesPass(10, async minute => {
        await a.run(HEARTBEAT_TASK_ID);
        await b.run(HEARTBEAT_TASK_ID);
        // Only a's copy runs on time.
        if (minute % 5 === 0) await a.run(FILES);
      });
      expect(await files()).toMatchObject({
        state: 'late',
        lastRun: { runner: 'backstage-b' },
        replicaCount: { total: 2, byState: { late: 1, ok: 1 } },
      });
    },
  );
});

describe('Run now for a local task on two replicas sharing one database', () => {
  it.each(databases.eachSupportedId())(
    'runs it once on each replica at its next heartbeat, and not on a replica started after the request, on %p',
    async databaseId => {
      const { service, advance, startReplica, minutesPass, files } =
        await sharedDatabase(databaseId);
      const runs: Record<string, number> = { a: 0, b: 0, c: 0 };
      const counting = (name: string) => async () => {
        runs[name] += 1;
      };
      const a = await startReplica(onHost('backstage-a'), counting('a'));
      const b = await startReplica(onHost('backstage-b'), counting('b'));
      await a.run(FILES);
      await b.run(FILES);

      advance(20_000);
      expect(
        await service.trigger(FILES, {
          reason: 'Schedule file fixed',
          by: 'user:default/alice',
        }),
      ).toMatchObject({
        scope: 'local',
        triggeredAt: '2026-12-01T10:00:20.000Z',
      });
      expect((await files()).runRequest).toEqual({
        requestedAt: '2026-12-01T10:00:20.000Z',
        requestedBy: 'user:default/alice',
        pendingReplicas: 2,
      });
      // A replica that starts after the request read the files at its start: the request is not for it.
      advance(10_000);
      const c = await startReplica(onHost('backstage-c'), counting('c'));
      await c.run(FILES);

      advance(30_000);
      await a.run(HEARTBEAT_TASK_ID);
      expect(runs).toEqual({ a: 2, b: 1, c: 1 });
      expect((await files()).runRequest?.pendingReplicas).toBe(1);
      await b.run(HEARTBEAT_TASK_ID);
      await c.run(HEARTBEAT_TASK_ID);
      expect(runs).toEqual({ a: 2, b: 2, c: 1 });
      expect(await files()).not.toHaveProperty('runRequest');

      // Later heartbeats run nothing more.
      await minutesPass(3, async () => {
        for (const r of [a, b, c]) await r.run(HEARTBEAT_TASK_ID);
      });
      expect(runs).toEqual({ a: 2, b: 2, c: 1 });
    },
  );
});

describe('a local task run by several processes on one host', () => {
  it.each(databases.eachSupportedId())(
    'keeps a copy per process, so one process failing on a host is not hidden by the other, on %p',
    async databaseId => {
      const { advance, startReplica, files } = await sharedDatabase(databaseId);
      const one = await startReplica(onHost('vm-1', 4101), missingScheduleFile);
      const two = await startReplica(onHost('vm-1', 4102));
      advance(MINUTE);
      await one.run(FILES);
      advance(1000);
      await two.run(FILES);
      const task = await files();
      expect(task).toMatchObject({
        state: 'failing',
        replicaCount: { total: 2, byState: { failing: 1, ok: 1 } },
      });
      expect(task.replicas!.map(r => [r.runner, r.pid, r.state])).toEqual([
        ['vm-1', 4101, 'failing'],
        ['vm-1', 4102, 'ok'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "leaves a restarted process's old copy out after 5 minutes, never late before, on %p",
    async databaseId => {
      const { advance, startReplica, minutesPass, files } =
        await sharedDatabase(databaseId);
      const before = await startReplica(onHost('vm-1'));
      await before.run(FILES);
      // The process restarts (same host, same pid in its container): a new process id, a new copy.
      advance(30_000);
      const after = await startReplica(onHost('vm-1'));
      await after.run(FILES);
      await minutesPass(12, async minute => {
        await after.run(HEARTBEAT_TASK_ID);
        if (minute % 5 === 0) await after.run(FILES);
        const task = await files();
        // The old copy's run was due at 10:05 (plus slack): it is never called late, and drops out after 5 minutes.
        expect(task.state).toBe('ok');
        expect(task.replicaCount!.total).toBe(minute < 5 ? 2 : 1);
      });
    },
  );
});

describe('migration 20261218100000_background_task_runs_per_replica', () => {
  it.each(databases.eachSupportedId())(
    'keeps the records of before as global ones, and a local task’s old shared row gives way to its replicas’ copies, on %p',
    async databaseId => {
      const knex = await migratedDatabase(databaseId);
      await migrateDown(knex, REPLICA_PROCESS, PER_REPLICA);
      const old = (taskId: string) => ({
        task_id: taskId,
        cadence: 'PT5M',
        registered_at: new Date('2026-12-01T09:00:00Z'),
        last_started_at: new Date('2026-12-01T10:00:00Z'),
        last_ended_at: new Date('2026-12-01T10:00:01Z'),
        last_outcome: 'succeeded',
        last_runner: 'backstage-a',
        last_succeeded_at: new Date('2026-12-01T10:00:01Z'),
        last_success_duration_ms: 1000,
      });
      await knex('background_task_runs').insert([
        old('reliability-slo-refresh'),
        old(FILES),
      ]);
      await migrateDatabase(knex);

      const store = new KnexTaskRunStore({ knex });
      expect(
        (await store.list()).map(r => [
          r.taskId,
          r.replica,
          r.lastRun?.outcome,
        ]),
      ).toEqual([
        [FILES, undefined, 'succeeded'],
        ['reliability-slo-refresh', undefined, 'succeeded'],
      ]);
      await store.registered(
        { taskId: FILES, replica: 'backstage-a' },
        { cadence: 'PT5M' },
        new Date('2026-12-01T11:00:00Z'),
      );
      await store.registered(
        { taskId: FILES, replica: 'backstage-b' },
        { cadence: 'PT5M' },
        new Date('2026-12-01T11:00:00Z'),
      );
      expect((await store.list()).map(r => [r.taskId, r.replica])).toEqual([
        [FILES, 'backstage-a'],
        [FILES, 'backstage-b'],
        ['reliability-slo-refresh', undefined],
      ]);

      // Down: one row per task again (the replicas' copies are dropped).
      await migrateDown(knex, REPLICA_PROCESS, PER_REPLICA);
      expect(
        (await knex('background_task_runs').select('task_id')).map(
          r => r.task_id,
        ),
      ).toEqual(['reliability-slo-refresh']);
    },
  );
});

describe('migration 20261219300000_background_task_runs_replica_process', () => {
  it.each(databases.eachSupportedId())(
    'keeps the copies keyed by host name, labelled by it, beside the per-process copies written after, on %p',
    async databaseId => {
      const knex = await migratedDatabase(databaseId);
      await migrateDown(knex, REPLICA_PROCESS);
      // A copy written by the previous version: keyed by its host name.
      await knex('background_task_runs').insert([
        {
          task_id: FILES,
          replica: 'backstage-a',
          cadence: 'PT5M',
          registered_at: new Date('2026-12-01T09:00:00Z'),
          seen_at: new Date('2026-12-01T10:00:00Z'),
        },
        {
          task_id: 'reliability-slo-refresh',
          replica: '',
          cadence: 'PT5M',
          registered_at: new Date('2026-12-01T09:00:00Z'),
        },
      ]);
      await migrateDatabase(knex);

      const store = new KnexTaskRunStore({ knex });
      const process = replicaProcess('backstage-a', 1);
      await store.registered(
        { taskId: FILES, replica: process.id },
        { cadence: 'PT5M' },
        new Date('2026-12-01T10:01:00Z'),
        { host: 'backstage-a', pid: 1 },
      );
      expect(
        (await store.list()).map(r => [r.taskId, r.replica, r.replicaLabel]),
      ).toEqual([
        [FILES, 'backstage-a', { host: 'backstage-a' }],
        [FILES, process.id, { host: 'backstage-a', pid: 1 }],
        ['reliability-slo-refresh', undefined, undefined],
      ]);

      // Down: the per-process copy is dropped, the rest kept.
      await migrateDown(knex, REPLICA_PROCESS);
      expect(
        (
          await knex('background_task_runs')
            .select('task_id', 'replica')
            .orderBy(['task_id', 'replica'])
        ).map(r => [r.task_id, r.replica]),
      ).toEqual([
        [FILES, 'backstage-a'],
        ['reliability-slo-refresh', ''],
      ]);
    },
  );
});
