import { areasHaveData } from './dataReadiness';

describe('areasHaveData', () => {
  const since = new Date('2026-12-02T03:00:00Z');

  function backgroundWork(succeeded: boolean) {
    return { succeededSince: jest.fn(async () => succeeded) };
  }

  it("asks whether every area's tasks succeeded since the start", async () => {
    const work = backgroundWork(true);
    await expect(
      areasHaveData(
        [
          { taskIds: ['reliability-slo-refresh'] },
          { taskIds: ['reliability-oncall-refresh'] },
        ],
        work,
        since,
      ),
    ).resolves.toBe(true);
    expect(work.succeededSince).toHaveBeenCalledWith(
      ['reliability-slo-refresh', 'reliability-oncall-refresh'],
      since,
    );
  });

  it('is false while a task has not succeeded since the start', async () => {
    await expect(
      areasHaveData(
        [{ taskIds: ['reliability-slo-refresh'] }],
        backgroundWork(false),
        since,
      ),
    ).resolves.toBe(false);
  });

  it('waits for every demo seeder to be complete before asking about the tasks', async () => {
    const work = backgroundWork(true);
    const seeder = { run: jest.fn(), isComplete: jest.fn(() => false) };
    const areas = [
      { taskIds: ['reliability-alerts-refresh'], demoSeeder: seeder },
      { taskIds: ['reliability-runbooks-refresh'] },
    ];

    await expect(areasHaveData(areas, work, since)).resolves.toBe(false);
    expect(work.succeededSince).not.toHaveBeenCalled();

    seeder.isComplete.mockReturnValue(true);
    await expect(areasHaveData(areas, work, since)).resolves.toBe(true);
  });
});
