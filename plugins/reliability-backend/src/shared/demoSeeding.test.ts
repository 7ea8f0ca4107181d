import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import { DemoSeedPass, scheduleDemoSeeder } from './demoSeeding';

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
  it('runs the refresher after the first pass only, and logs what it wrote once', async () => {
    const logger = mockServices.logger.mock();
    const refresher = { run: jest.fn(async () => undefined) };
    const seed = jest.fn(async () => 3);
    const pass = new DemoSeedPass({
      item: 'incident',
      target: 'the embedded incident source',
      seed,
      refresher,
      logger,
    });

    await pass.run();
    await pass.run();

    expect(seed).toHaveBeenCalledTimes(2);
    expect(refresher.run).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'Wrote 3 SYNTHETIC demo incidents to the embedded incident source',
    );
  });

  it('never throws: a failed pass is logged and the next one still refreshes', async () => {
    const logger = mockServices.logger.mock();
    const refresher = { run: jest.fn(async () => undefined) };
    const seed = jest
      .fn<Promise<number>, []>()
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValueOnce(2);
    const pass = new DemoSeedPass({
      item: 'alert',
      target: 'the embedded alert source',
      seed,
      refresher,
      logger,
    });

    await expect(pass.run()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Demo alert seeding failed: Error: catalog down',
    );
    expect(refresher.run).not.toHaveBeenCalled();

    await pass.run();
    expect(refresher.run).toHaveBeenCalledTimes(1);
  });

  it('does not refresh when the run was aborted', async () => {
    const refresher = { run: jest.fn(async () => undefined) };
    const pass = new DemoSeedPass({
      item: 'alert',
      target: 'the embedded alert source',
      seed: async () => 1,
      refresher,
      logger: mockServices.logger.mock(),
    });
    const controller = new AbortController();
    controller.abort();
    await pass.run(controller.signal);
    expect(refresher.run).not.toHaveBeenCalled();
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
