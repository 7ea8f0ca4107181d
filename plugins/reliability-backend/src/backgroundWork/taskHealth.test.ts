import { TaskRecord } from './store/TaskRunStore';
import { LATE_SLACK_MS, nextRunAfter, taskHealth } from './taskHealth';

const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;

const registered: TaskRecord = {
  taskId: 'reliability-slo-refresh',
  cadence: 'PT5M',
  timeout: 'PT4M',
  registeredAt: at('2026-12-01T10:00:00Z'),
};

const ran = (
  outcome: 'running' | 'succeeded' | 'failed',
  startedAt: string,
  endedAt?: string,
): TaskRecord => ({
  ...registered,
  lastRun: {
    startedAt: at(startedAt),
    ...(endedAt && { endedAt: at(endedAt) }),
    outcome,
    ...(outcome === 'failed' && { error: 'SLI provider timed out' }),
    runner: 'replica-a',
  },
});

const state = (record: TaskRecord, now: string) =>
  taskHealth(record, at(now), { withDetails: false }).state;

describe('taskHealth', () => {
  it('waits for a first run until a cadence after the registration, then says late', () => {
    expect(state(registered, '2026-12-01T10:04:00Z')).toBe('waiting');
    expect(state(registered, '2026-12-01T10:06:59Z')).toBe('waiting');
    expect(state(registered, '2026-12-01T10:07:01Z')).toBe('late');
  });

  it('waits out an initial delay longer than the cadence before the first run', () => {
    const delayed = { ...registered, initialDelay: 'PT30M' };
    expect(state(delayed, '2026-12-01T10:20:00Z')).toBe('waiting');
    expect(state(delayed, '2026-12-01T10:32:01Z')).toBe('late');
    // Once it ran, the delay no longer counts.
    const ranOnce: TaskRecord = {
      ...delayed,
      lastRun: {
        startedAt: at('2026-12-01T10:30:00Z'),
        endedAt: at('2026-12-01T10:30:10Z'),
        outcome: 'succeeded',
      },
    };
    expect(state(ranOnce, '2026-12-01T10:37:01Z')).toBe('late');
  });

  it('gives a task (re)registered after its due time, at a replica start, its initial delay before it is late', () => {
    const restarted: TaskRecord = {
      ...ran('succeeded', '2026-12-01T10:00:00Z', '2026-12-01T10:00:20Z'),
      initialDelay: 'PT2M',
      // Down from 10:04 to 10:30 (a deploy): due at 10:05, registered again at 10:30.
      registeredAt: at('2026-12-01T10:30:00Z'),
    };
    expect(state(restarted, '2026-12-01T10:33:00Z')).toBe('ok');
    expect(state(restarted, '2026-12-01T10:34:01Z')).toBe('late');
  });

  it('says ok after a success until the next run is overdue', () => {
    const record = ran(
      'succeeded',
      '2026-12-01T10:00:00Z',
      '2026-12-01T10:00:20Z',
    );
    const status = taskHealth(record, at('2026-12-01T10:03:00Z'), {
      withDetails: true,
    });
    expect(status).toMatchObject({
      state: 'ok',
      nextRunDueAt: '2026-12-01T10:05:00.000Z',
      lastRun: { durationMs: 20_000, runner: 'replica-a' },
    });
    // Host names describe the deployment: only with the details.
    expect(
      taskHealth(record, at('2026-12-01T10:03:00Z'), { withDetails: false })
        .lastRun,
    ).not.toHaveProperty('runner');
    expect(state(record, '2026-12-01T10:07:01Z')).toBe('late');
  });

  it('dues the next run when a run longer than its cadence ended', () => {
    const record = ran(
      'succeeded',
      '2026-12-01T10:00:00Z',
      '2026-12-01T10:09:00Z',
    );
    expect(state(record, '2026-12-01T10:10:00Z')).toBe('ok');
    expect(state(record, '2026-12-01T10:11:01Z')).toBe('late');
  });

  it('says failing after a failure, with its message only when asked', () => {
    const record = ran(
      'failed',
      '2026-12-01T10:00:00Z',
      '2026-12-01T10:00:01Z',
    );
    expect(state(record, '2026-12-01T10:01:00Z')).toBe('failing');
    expect(
      taskHealth(record, at('2026-12-01T10:01:00Z'), { withDetails: false })
        .lastRun?.error,
    ).toBeUndefined();
    expect(
      taskHealth(record, at('2026-12-01T10:01:00Z'), { withDetails: true })
        .lastRun?.error,
    ).toBe('SLI provider timed out');
  });

  it('says running within the timeout and interrupted after it', () => {
    const record = ran('running', '2026-12-01T10:00:00Z');
    expect(state(record, '2026-12-01T10:05:00Z')).toBe('running');
    expect(
      taskHealth(record, at('2026-12-01T10:05:00Z'), { withDetails: false })
        .nextRunDueAt,
    ).toBeUndefined();
    const pastTimeout = new Date(
      at('2026-12-01T10:00:00Z').getTime() + minutes(4) + LATE_SLACK_MS + 1,
    );
    expect(taskHealth(record, pastTimeout, { withDetails: false }).state).toBe(
      'interrupted',
    );
  });

  it('reads a cron cadence and never calls a manual task late', () => {
    const daily: TaskRecord = {
      ...ran('succeeded', '2026-12-01T03:00:00Z', '2026-12-01T03:00:02Z'),
      cadence: '0 3 * * *',
    };
    expect(
      nextRunAfter('0 3 * * *', at('2026-12-01T03:00:00Z'))?.getTime(),
    ).toBeGreaterThan(at('2026-12-01T03:00:00Z').getTime());
    expect(state(daily, '2026-12-01T20:00:00Z')).toBe('ok');
    expect(state(daily, '2026-12-03T20:00:00Z')).toBe('late');
    expect(
      state({ ...registered, cadence: 'manual' }, '2027-01-01T00:00:00Z'),
    ).toBe('waiting');
    expect(
      nextRunAfter('not a cron', at('2026-12-01T00:00:00Z')),
    ).toBeUndefined();
  });
});
