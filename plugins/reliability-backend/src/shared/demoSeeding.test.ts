import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import {
  DemoSeedPass,
  DemoSeedResult,
  scheduleDemoSeeder,
} from './demoSeeding';

function fakeScheduler() {
  const tasks: Array<Parameters<SchedulerService['scheduleTask']>[0]> = [];
  const scheduler = {
    scheduleTask: jest.fn(async task => {
      tasks.push(task);
    }),
  } as unknown as SchedulerService;
  return { scheduler, tasks };
}

describe('DemoSeedPass', () => {
  const MINUTE = 60_000;

  /** A pass over a clock the test moves, seeding what `results` says in turn. */
  function passOf(results: Array<DemoSeedResult | Error>, item = 'incident') {
    const logger = mockServices.logger.mock();
    const refresher = { run: jest.fn(async () => undefined) };
    let now = Date.parse('2026-12-02T03:00:00Z');
    const seed = jest.fn(async () => {
      const next = results.shift();
      if (!next) throw new Error('no more results');
      if (next instanceof Error) throw next;
      return next;
    });
    const pass = new DemoSeedPass({
      item,
      target: `the embedded ${item} source`,
      seed,
      refresher,
      logger,
      now: () => new Date(now),
    });
    const after = (ms: number) => {
      now += ms;
      return pass.run();
    };
    return { pass, seed, refresher, logger, after };
  }

  function expectLoggedOnce(
    logger: ReturnType<typeof mockServices.logger.mock>,
    message: string,
  ) {
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(message);
  }

  it('completes on the first pass that finds every demo entity, logs once and refreshes once', async () => {
    const { pass, seed, refresher, logger, after } = passOf([
      { written: 3, missing: 0 },
      { written: 3, missing: 0 },
    ]);

    await pass.run();
    expect(pass.isComplete()).toBe(true);
    await after(MINUTE);

    expect(seed).toHaveBeenCalledTimes(1);
    expect(refresher.run).toHaveBeenCalledTimes(1);
    expectLoggedOnce(
      logger,
      'Wrote 3 SYNTHETIC demo incidents to the embedded incident source',
    );
  });

  it('writes again an hour after completing, without refreshing the area again', async () => {
    const { pass, seed, refresher, after } = passOf([
      { written: 3, missing: 0 },
      { written: 3, missing: 0 },
    ]);
    await pass.run();
    await after(59 * MINUTE);
    expect(seed).toHaveBeenCalledTimes(1);
    await after(MINUTE);
    expect(seed).toHaveBeenCalledTimes(2);
    expect(refresher.run).toHaveBeenCalledTimes(1);
  });

  it('keeps seeding every pass while the catalog lacks demo entities, refreshing when it wrote', async () => {
    const { pass, seed, refresher, logger, after } = passOf([
      { written: 0, missing: 4 },
      { written: 2, missing: 2 },
      { written: 5, missing: 0 },
    ]);

    await pass.run();
    expect(pass.isComplete()).toBe(false);
    expect(refresher.run).not.toHaveBeenCalled();

    await after(MINUTE);
    expect(pass.isComplete()).toBe(false);
    expect(refresher.run).toHaveBeenCalledTimes(1);

    await after(MINUTE);
    expect(pass.isComplete()).toBe(true);
    expect(seed).toHaveBeenCalledTimes(3);
    expect(refresher.run).toHaveBeenCalledTimes(2);
    expectLoggedOnce(
      logger,
      'Wrote 5 SYNTHETIC demo incidents to the embedded incident source',
    );
  });

  it('counts as complete with the entities there are after waiting 10 minutes for the others', async () => {
    const { pass, logger, after } = passOf(
      Array.from({ length: 12 }, () => ({ written: 2, missing: 1 })),
      'alert',
    );
    await pass.run();
    for (let i = 1; i < 10; i++) {
      await after(MINUTE);
      expect(pass.isComplete()).toBe(false);
    }
    await after(MINUTE);
    expect(pass.isComplete()).toBe(true);
    expect(logger.info).toHaveBeenCalledWith(
      'Wrote 2 SYNTHETIC demo alerts to the embedded alert source (1 of its demo entities are not in the catalog)',
    );
  });

  it('never throws: a failed pass is logged and the next one still seeds and refreshes', async () => {
    const { pass, refresher, logger, after } = passOf(
      [new Error('catalog down'), { written: 2, missing: 0 }],
      'alert',
    );

    await expect(pass.run()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Demo alert seeding failed: Error: catalog down',
    );
    expect(refresher.run).not.toHaveBeenCalled();
    expect(pass.isComplete()).toBe(false);

    await after(MINUTE);
    expect(refresher.run).toHaveBeenCalledTimes(1);
    expect(pass.isComplete()).toBe(true);
  });

  it('neither refreshes nor completes when the run was aborted', async () => {
    const { pass, refresher } = passOf([{ written: 1, missing: 0 }], 'alert');
    const controller = new AbortController();
    controller.abort();
    await pass.run(controller.signal);
    expect(refresher.run).not.toHaveBeenCalled();
    expect(pass.isComplete()).toBe(false);
  });
});

describe('scheduleDemoSeeder', () => {
  it('registers a global hourly task named after the area that runs the seeder with the signal', async () => {
    const { scheduler, tasks } = fakeScheduler();
    const seeder = { run: jest.fn(async () => undefined) };
    await scheduleDemoSeeder(scheduler, 'alerts', seeder, {
      initialDelay: { seconds: 25 },
    });

    expect(tasks).toHaveLength(1);
    const { fn, ...task } = tasks[0];
    expect(task).toEqual({
      id: 'reliability-alerts-demo-seeder',
      scope: 'global',
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 25 },
    });
    const signal = new AbortController().signal;
    await fn(signal);
    expect(seeder.run).toHaveBeenCalledWith(signal);
  });

  it("takes the area's own cadence", async () => {
    const { scheduler, tasks } = fakeScheduler();
    await scheduleDemoSeeder(
      scheduler,
      'slo',
      { run: async () => undefined },
      {
        frequency: { minutes: 1 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 5 },
      },
    );
    expect(tasks[0]).toMatchObject({
      id: 'reliability-slo-demo-seeder',
      frequency: { minutes: 1 },
      timeout: { minutes: 2 },
    });
  });
});
