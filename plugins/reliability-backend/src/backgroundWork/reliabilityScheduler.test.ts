import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { reliabilityScheduler } from './reliabilityScheduler';

const task = (id: string, scope?: 'global' | 'local') => ({
  id,
  ...(scope ? { scope } : {}),
  frequency: { minutes: 5 },
  timeout: { minutes: 1 },
  fn: async () => {},
});

describe('reliabilityScheduler', () => {
  it("is the backend's scheduler by default and with the key true", () => {
    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    for (const data of [
      {},
      { reliability: { backgroundTasks: { enabled: true } } },
    ]) {
      expect(
        reliabilityScheduler({
          scheduler,
          config: new ConfigReader(data),
          logger,
        }),
      ).toBe(scheduler);
    }
    expect(logger.info).not.toHaveBeenCalled();
  });

  it('registers only local tasks on a replica with background tasks off, and says so once', async () => {
    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    const web = reliabilityScheduler({
      scheduler,
      config: new ConfigReader({
        reliability: { backgroundTasks: { enabled: false } },
      }),
      logger,
    });
    await web.scheduleTask(task('reliability-slo-refresh'));
    await web.scheduleTask(task('reliability-overview-refresh', 'global'));
    await web.scheduleTask(task('reliability-oncall-schedule-files', 'local'));
    await web
      .createScheduledTaskRunner({
        frequency: { minutes: 1 },
        timeout: { minutes: 1 },
      })
      .run({ id: 'reliability-runner-task', fn: async () => {} });
    await web
      .createScheduledTaskRunner({
        frequency: { minutes: 1 },
        timeout: { minutes: 1 },
        scope: 'local',
      })
      .run({ id: 'reliability-local-runner-task', fn: async () => {} });
    expect(scheduler.scheduleTask.mock.calls.map(([t]) => t.id)).toEqual([
      'reliability-oncall-schedule-files',
      'reliability-local-runner-task',
    ]);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info.mock.calls[0][0]).toContain(
      'reliability.backgroundTasks.enabled: false',
    );

    // Triggering or cancelling a global task still reaches the replica that runs it (through the database).
    await web.triggerTask('reliability-slo-refresh');
    await web.cancelTask('reliability-slo-refresh');
    expect(scheduler.triggerTask).toHaveBeenCalledWith(
      'reliability-slo-refresh',
    );
    expect(scheduler.cancelTask).toHaveBeenCalledWith(
      'reliability-slo-refresh',
    );
  });
});
