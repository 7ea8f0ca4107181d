import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import path from 'node:path';
import { migrateDatabase } from '../database/migrateDatabase';
import { BackgroundWorkService } from './BackgroundWorkService';
import { HEARTBEAT_TASK_ID, recordingScheduler } from './recordingScheduler';
import { KnexTaskRunStore } from './store/KnexTaskRunStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const FILES = 'reliability-oncall-schedule-files';
const MINUTE = 60_000;

/** One replica of the backend on the shared database: its scheduler only collects the tasks, the test runs them. */
async function replica(
  knex: Knex,
  runner: string,
  now: () => Date,
  reload: () => Promise<void>,
) {
  const fns = new Map<string, SchedulerServiceTaskFunction>();
  const scheduler = recordingScheduler({
    scheduler: mockServices.scheduler.mock({
      scheduleTask: jest.fn(async task => {
        fns.set(task.id, task.fn);
      }),
    }),
    store: new KnexTaskRunStore({ knex }),
    logger: mockServices.logger.mock(),
    now,
    runner,
  });
  await scheduler.scheduleTask({
    id: 'reliability-slo-refresh',
    frequency: { minutes: 5 },
    timeout: { minutes: 4 },
    fn: async () => {},
  });
  await scheduler.scheduleTask({
    id: FILES,
    scope: 'local',
    frequency: { minutes: 5 },
    timeout: { minutes: 1 },
    fn: reload,
  });
  const run = (id: string) =>
    fns.get(id)!(new AbortController().signal)?.catch(() => {});
  return { run };
}

describe('a local task on two replicas sharing one database', () => {
  it.each(databases.eachSupportedId())(
    "shows each replica's copy: one failing is not hidden by the other's success, and a stopped replica drops out, on %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      let clock = new Date('2026-12-01T10:00:00Z').getTime();
      const now = () => new Date(clock);
      const a = await replica(knex, 'backstage-a', now, async () => {});
      const b = await replica(knex, 'backstage-b', now, async () => {
        throw new Error('ENOENT: /etc/schedules/web.yaml');
      });
      const service = new BackgroundWorkService({
        store: new KnexTaskRunStore({ knex }),
        now,
        scheduler: mockServices.scheduler.mock(),
        logger: mockServices.logger.mock(),
      });
      const files = async (withDetails = true) =>
        (await service.list(withDetails)).tasks.find(t => t.id === FILES)!;

      clock += MINUTE;
      await b.run(FILES);
      clock += 1000;
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
      // The global task still has one record.
      expect(
        (await service.list(true)).tasks.filter(
          t => t.id === 'reliability-slo-refresh',
        ),
      ).toHaveLength(1);

      // Replica b stops (scaled down); a keeps running the task and its heartbeat.
      for (let minute = 0; minute < 6; minute += 1) {
        clock += MINUTE;
        await a.run(HEARTBEAT_TASK_ID);
        if (minute % 5 === 4) await a.run(FILES);
      }
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
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      let clock = new Date('2026-12-01T10:00:00Z').getTime();
      const now = () => new Date(clock);
      const a = await replica(knex, 'backstage-a', now, async () => {});
      const b = await replica(knex, 'backstage-b', now, async () => {});
      const service = new BackgroundWorkService({
        store: new KnexTaskRunStore({ knex }),
        now,
        scheduler: mockServices.scheduler.mock(),
        logger: mockServices.logger.mock(),
      });
      await a.run(FILES);
      await b.run(FILES);
      for (let minute = 1; minute <= 10; minute += 1) {
        clock += MINUTE;
        await a.run(HEARTBEAT_TASK_ID);
        await b.run(HEARTBEAT_TASK_ID);
        // Only a's copy runs on time.
        if (minute % 5 === 0) await a.run(FILES);
      }
      const files = (await service.list(true)).tasks.find(t => t.id === FILES);
      expect(files).toMatchObject({
        state: 'late',
        lastRun: { runner: 'backstage-b' },
        replicaCount: { total: 2, byState: { late: 1, ok: 1 } },
      });
    },
  );
});

describe('migration 20261218100000_background_task_runs_per_replica', () => {
  it.each(databases.eachSupportedId())(
    'keeps the records of before as global ones, and a local task’s old shared row gives way to its replicas’ copies, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const directory = path.resolve(__dirname, '../../migrations');
      await knex.migrate.down({
        directory,
        name: '20261218100000_background_task_runs_per_replica.js',
      });
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
      await knex.migrate.down({
        directory,
        name: '20261218100000_background_task_runs_per_replica.js',
      });
      expect(
        (await knex('background_task_runs').select('task_id')).map(
          r => r.task_id,
        ),
      ).toEqual(['reliability-slo-refresh']);
    },
  );
});
