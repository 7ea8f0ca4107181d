import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { LocalRunRequests } from './localRunRequests';
import { TaskRunRequest } from './store/TaskRunStore';

const FILES = 'reliability-oncall-schedule-files';
const at = (iso: string) => new Date(iso);

function setUp() {
  const requests: TaskRunRequest[] = [];
  const trigger = jest.fn(async (_taskId: string) => {});
  const runRequests = new LocalRunRequests({
    store: { runRequests: async () => requests },
    trigger,
    logger: mockServices.logger.mock(),
  });
  const request = (taskId: string, iso: string) => {
    requests.splice(0, requests.length, {
      taskId,
      requestedAt: at(iso),
      requestedBy: 'user:default/alice',
    });
  };
  return { runRequests, trigger, request };
}

describe('LocalRunRequests', () => {
  it('runs a local task of this process once per request newer than its last start', async () => {
    const { runRequests, trigger, request } = setUp();
    runRequests.registered(FILES, at('2026-12-01T10:00:00Z'));
    runRequests.started(FILES, at('2026-12-01T10:01:00Z'));
    request(FILES, '2026-12-01T10:02:00Z');
    expect(await runRequests.poll()).toEqual([FILES]);
    // The next heartbeat, before the triggered run started: not again.
    expect(await runRequests.poll()).toEqual([]);
    runRequests.started(FILES, at('2026-12-01T10:02:01Z'));
    expect(await runRequests.poll()).toEqual([]);
    // A new request: once more.
    request(FILES, '2026-12-01T10:05:00Z');
    expect(await runRequests.poll()).toEqual([FILES]);
    expect(trigger).toHaveBeenCalledTimes(2);
  });

  it('leaves out requests older than its last start or its start-up, and tasks it does not run', async () => {
    const { runRequests, trigger, request } = setUp();
    runRequests.registered(FILES, at('2026-12-01T10:00:00Z'));
    request(FILES, '2026-12-01T09:59:00Z');
    expect(await runRequests.poll()).toEqual([]);
    runRequests.started(FILES, at('2026-12-01T10:03:00Z'));
    request(FILES, '2026-12-01T10:02:00Z');
    expect(await runRequests.poll()).toEqual([]);
    request('reliability-other-local-task', '2026-12-01T10:04:00Z');
    expect(await runRequests.poll()).toEqual([]);
    expect(trigger).not.toHaveBeenCalled();
  });

  it('tries again at the next heartbeat when the task is running (its run started before the request)', async () => {
    const { runRequests, trigger, request } = setUp();
    runRequests.registered(FILES, at('2026-12-01T10:00:00Z'));
    request(FILES, '2026-12-01T10:02:00Z');
    trigger.mockRejectedValueOnce(
      new ConflictError(`Task ${FILES} is currently running`),
    );
    expect(await runRequests.poll()).toEqual([]);
    expect(await runRequests.poll()).toEqual([FILES]);
    expect(trigger).toHaveBeenCalledTimes(2);
  });
});
