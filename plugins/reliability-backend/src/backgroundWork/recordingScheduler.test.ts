import { mockServices } from '@backstage/backend-test-utils';
import { manualScheduler } from './__testUtils__/manualScheduler';
import { FILES, filesReload, globalTask } from './__testUtils__/taskFixtures';
import {
  HEARTBEAT_TASK_ID,
  recordingScheduler,
  STOPPED_MESSAGE,
} from './recordingScheduler';
import { TaskRunStore } from './store/TaskRunStore';

/**
 * The recording scheduler of replica process `replica-a:7:0a1b2c3d` over a manual scheduler (the test runs the
 * tasks), a store of mocks (`store` replaces some) and a clock at 10:00 that only `advance` moves.
 */
function setUp(store: Partial<TaskRunStore> = {}) {
  const { scheduler, run } = manualScheduler();
  const runs: TaskRunStore = {
    registered: jest.fn(async () => {}),
    started: jest.fn(async () => {}),
    ended: jest.fn(async () => {}),
    list: jest.fn(async () => []),
    seen: jest.fn(async () => {}),
    requestRun: jest.fn(async () => {}),
    runRequests: jest.fn(async () => []),
    deleteUnusedSince: jest.fn(async () => 0),
    ...store,
  };
  const logger = mockServices.logger.mock();
  let clock = new Date('2026-12-01T10:00:00Z').getTime();
  const now = () => new Date(clock);
  const advance = (ms: number) => {
    clock += ms;
  };
  const recording = recordingScheduler({
    scheduler,
    store: runs,
    logger,
    now,
    replica: { id: 'replica-a:7:0a1b2c3d', host: 'replica-a', pid: 7 },
  });
  return { recording, scheduler, runs, logger, advance, run };
}

describe('recordingScheduler', () => {
  it('records the schedule when the task is registered, and applies the retention', async () => {
    const { recording, scheduler, runs } = setUp();
    await recording.scheduleTask({
      id: 'reliability-slo-refresh',
      frequency: { minutes: 5 },
      timeout: { minutes: 4 },
      initialDelay: { seconds: 15 },
      fn: async () => {},
    });
    expect(runs.registered).toHaveBeenCalledWith(
      { taskId: 'reliability-slo-refresh' },
      { cadence: 'PT5M', timeout: 'PT4M', initialDelay: 'PT15S' },
      new Date('2026-12-01T10:00:00Z'),
      undefined,
    );
    expect(runs.deleteUnusedSince).toHaveBeenCalledWith(
      new Date('2026-11-01T10:00:00Z'),
      // Replicas' copies a day after they were last seen.
      new Date('2026-11-30T10:00:00Z'),
    );
    // Once per start: a second registration does not apply it again.
    await recording.scheduleTask(globalTask('reliability-oncall-refresh'));
    expect(runs.deleteUnusedSince).toHaveBeenCalledTimes(1);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-slo-refresh',
        frequency: { minutes: 5 },
      }),
    );
  });

  it('records a cron and a task runner’s schedule', async () => {
    const { recording, runs } = setUp();
    await recording
      .createScheduledTaskRunner({
        frequency: { cron: '0 3 * * *' },
        timeout: { hours: 1 },
      })
      .run({ id: 'reliability-trends-refresh', fn: async () => {} });
    expect(runs.registered).toHaveBeenCalledWith(
      { taskId: 'reliability-trends-refresh' },
      { cadence: '0 3 * * *', timeout: 'PT1H' },
      expect.any(Date),
      undefined,
    );
  });

  it('records the start and the success of a run, with its duration', async () => {
    const { recording, runs, advance, run } = setUp();
    await recording.scheduleTask(
      globalTask('task', async () => advance(20_500)),
    );
    await run('task');
    const startedAt = new Date('2026-12-01T10:00:00Z');
    expect(runs.started).toHaveBeenCalledWith(
      { taskId: 'task' },
      startedAt,
      'replica-a',
    );
    expect(runs.ended).toHaveBeenCalledWith({ taskId: 'task' }, startedAt, {
      outcome: 'succeeded',
      endedAt: new Date('2026-12-01T10:00:20.500Z'),
      durationMs: 20_500,
    });
  });

  it('records a failure with its message and rethrows it to the scheduler', async () => {
    const { recording, runs, run } = setUp();
    await recording.scheduleTask(
      globalTask('task', async () => {
        throw new Error('catalog unavailable');
      }),
    );
    await expect(run('task')).rejects.toThrow('catalog unavailable');
    expect(runs.ended).toHaveBeenCalledWith(
      { taskId: 'task' },
      expect.any(Date),
      expect.objectContaining({
        outcome: 'failed',
        error: 'catalog unavailable',
      }),
    );
  });

  it('records a run the scheduler stopped (timeout, shutdown) as failed, not as a success', async () => {
    const { recording, runs, run } = setUp();
    const controller = new AbortController();
    await recording.scheduleTask(
      // A refresher returns early when its signal aborts (the next run resumes).
      globalTask('task', async () => controller.abort()),
    );
    await run('task', controller.signal);
    expect(runs.ended).toHaveBeenCalledWith(
      { taskId: 'task' },
      expect.any(Date),
      {
        outcome: 'failed',
        endedAt: expect.any(Date),
        error: STOPPED_MESSAGE,
      },
    );
  });

  it('runs the task when its runs cannot be recorded, and warns once a minute', async () => {
    const broken = jest.fn(async () => {
      throw new Error('database is down');
    });
    const { recording, logger, run } = setUp({
      registered: broken,
      started: broken,
      ended: broken,
    });
    const fn = jest.fn(async () => {});
    await recording.scheduleTask(globalTask('task', fn));
    await run('task');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database is down'),
    );
  });

  it("records a local task's runs under this replica, and starts one heartbeat that says the replica is alive", async () => {
    const { recording, scheduler, runs, run, advance } = setUp();
    // Keyed by the process (its id), run by its host.
    const copy = { taskId: FILES, replica: 'replica-a:7:0a1b2c3d' };
    const everyMinuteHere = (id: string) => ({
      id,
      scope: 'local' as const,
      frequency: { minutes: 1 },
      timeout: { minutes: 1 },
      fn: async () => {},
    });
    await recording.scheduleTask(everyMinuteHere(copy.taskId));
    await recording.scheduleTask(
      everyMinuteHere('reliability-other-local-task'),
    );
    expect(runs.registered).toHaveBeenCalledWith(
      copy,
      { cadence: 'PT1M', timeout: 'PT1M' },
      expect.any(Date),
      { host: 'replica-a', pid: 7 },
    );
    await run(copy.taskId);
    expect(runs.started).toHaveBeenCalledWith(
      copy,
      expect.any(Date),
      'replica-a',
    );
    expect(runs.ended).toHaveBeenCalledWith(
      copy,
      expect.any(Date),
      expect.objectContaining({ outcome: 'succeeded' }),
    );

    const heartbeats = jest
      .mocked(scheduler.scheduleTask)
      .mock.calls.filter(([task]) => task.id === HEARTBEAT_TASK_ID);
    expect(heartbeats).toHaveLength(1);
    expect(heartbeats[0][0]).toMatchObject({
      scope: 'local',
      frequency: { minutes: 1 },
    });
    advance(60_000);
    await run(HEARTBEAT_TASK_ID);
    expect(runs.seen).toHaveBeenCalledWith(
      'replica-a:7:0a1b2c3d',
      new Date('2026-12-01T10:01:00Z'),
    );
    // The heartbeat itself is not recorded as a task.
    expect(
      jest.mocked(runs.registered).mock.calls.map(([c]) => c.taskId),
    ).not.toContain(HEARTBEAT_TASK_ID);
  });

  it('runs a local task once through the scheduler when its heartbeat finds a Run now request newer than its last run', async () => {
    const requestedAt = new Date('2026-12-01T10:00:30Z');
    const { recording, scheduler, run, advance } = setUp({
      runRequests: jest.fn(async () => [
        { taskId: FILES, requestedAt, requestedBy: 'user:default/alice' },
      ]),
    });
    await recording.scheduleTask(filesReload());
    // Its first run, before the request.
    await run(FILES);
    advance(60_000);
    await run(HEARTBEAT_TASK_ID);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
    expect(scheduler.triggerTask).toHaveBeenCalledWith(FILES);
    // The triggered run starts (after the request): later heartbeats leave it.
    await run(FILES);
    advance(60_000);
    await run(HEARTBEAT_TASK_ID);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(1);
  });

  it('keeps its heartbeat when the run requests cannot be read, and warns', async () => {
    const { recording, runs, run, logger } = setUp({
      runRequests: jest.fn(async () => {
        throw new Error('relation does not exist');
      }),
    });
    await recording.scheduleTask(filesReload());
    await run(HEARTBEAT_TASK_ID);
    expect(runs.seen).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('relation does not exist'),
    );
  });

  it('starts no heartbeat on a replica without local tasks', async () => {
    const { recording, scheduler } = setUp();
    await recording.scheduleTask(globalTask('reliability-slo-refresh'));
    expect(
      jest.mocked(scheduler.scheduleTask).mock.calls.map(([task]) => task.id),
    ).toEqual(['reliability-slo-refresh']);
  });
});
