import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/**
 * A mock scheduler that runs nothing by itself: it keeps the function of each task scheduled with it, and the test
 * runs one with `run(id)` (with a fresh abort signal unless given one). Its other methods are plain mocks.
 */
export function manualScheduler() {
  const fns = new Map<string, SchedulerServiceTaskFunction>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: jest.fn(async task => {
      fns.set(task.id, task.fn);
    }),
  });
  const run = (
    id: string,
    signal = new AbortController().signal,
  ): Promise<void> => {
    const fn = fns.get(id);
    if (!fn) throw new Error(`No task ${id} was scheduled`);
    return Promise.resolve(fn(signal));
  };
  return { scheduler, run };
}
