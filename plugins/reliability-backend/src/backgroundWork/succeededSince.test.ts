import { mockServices } from '@backstage/backend-test-utils';
import { BackgroundWorkService } from './BackgroundWorkService';
import { TaskRecord, TaskRunStore } from './store/TaskRunStore';

const since = new Date('2026-12-02T01:00:00Z');

function service(records: Partial<TaskRecord>[]) {
  const store = {
    list: async () =>
      records.map(record => ({
        cadence: 'PT5M',
        registeredAt: new Date('2026-12-01T00:00:00Z'),
        ...record,
      })),
  } as unknown as TaskRunStore;
  return new BackgroundWorkService({
    store,
    now: () => since,
    scheduler: mockServices.scheduler.mock(),
    logger: mockServices.logger.mock(),
  });
}

const success = (at: string) => ({
  lastSuccess: { endedAt: new Date(at), durationMs: 10 },
});

describe('BackgroundWorkService.succeededSince', () => {
  it('waits for every recorded task of the list to succeed since the time given, on any replica', async () => {
    const records = [
      { taskId: 'a', ...success('2026-12-02T01:00:30Z') },
      { taskId: 'b', ...success('2026-12-01T23:00:00Z') },
      { taskId: 'other' },
    ];
    expect(await service(records).succeededSince(['a', 'b'], since)).toBe(
      false,
    );
    expect(
      await service([
        ...records,
        {
          taskId: 'b',
          replica: 'host:2:x',
          ...success('2026-12-02T01:01:00Z'),
        },
      ]).succeededSince(['a', 'b'], since),
    ).toBe(true);
  });

  it('is not held up by tasks nobody recorded (an area not installed)', async () => {
    expect(
      await service([
        { taskId: 'a', ...success('2026-12-02T01:00:30Z') },
      ]).succeededSince(['a', 'not-installed'], since),
    ).toBe(true);
  });
});
