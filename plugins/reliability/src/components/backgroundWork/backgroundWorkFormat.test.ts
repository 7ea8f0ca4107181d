import {
  attentionName,
  busyShare,
  formatCadence,
  formatNextRunDue,
  formatReplicaCount,
  formatRunDuration,
  isoDurationSeconds,
  orderTasks,
  lastRunnerName,
  replicaNames,
} from './backgroundWorkFormat';
import { testTask } from './testData';

describe('backgroundWorkFormat', () => {
  it('reads the ISO durations the scheduler writes', () => {
    expect(isoDurationSeconds('PT5M')).toBe(300);
    expect(isoDurationSeconds('PT1H30M')).toBe(5400);
    expect(isoDurationSeconds('P1D')).toBe(86_400);
    expect(isoDurationSeconds('PT0.5S')).toBe(0.5);
    expect(isoDurationSeconds('P2W')).toBe(14 * 86_400);
    expect(isoDurationSeconds('P1M')).toBeUndefined();
    expect(isoDurationSeconds('P')).toBeUndefined();
    expect(isoDurationSeconds('0 3 * * *')).toBeUndefined();
  });

  it('says a cadence in words', () => {
    expect(formatCadence('PT5M')).toBe('every 5 min');
    expect(formatCadence('PT24H')).toBe('every 1 d');
    expect(formatCadence('0 3 * * *')).toBe('cron 0 3 * * *');
    expect(formatCadence('manual')).toBe('on demand');
    // A report every two weeks read "cron P2W".
    expect(formatCadence('P2W')).toBe('every 14 d');
    expect(formatCadence('P1M')).toBe('every P1M');
  });

  it('says a run’s length in milliseconds under a second', () => {
    expect(formatRunDuration(350.4)).toBe('350 ms');
    expect(formatRunDuration(21_000)).toBe('21 s');
    expect(formatRunDuration(undefined)).toBe('—');
  });

  it('orders the tasks needing attention first, then by name, demo seeders last', () => {
    const ids = orderTasks(
      [
        testTask({ id: 'reliability-slo-demo-seeder' }),
        testTask({ id: 'b-task' }),
        testTask({ id: 'failing-task', state: 'failing' }),
        testTask({ id: 'a-task', state: 'waiting' }),
        testTask({ id: 'late-task', state: 'late' }),
      ],
      id => id,
    ).map(task => task.id);
    expect(ids).toEqual([
      'late-task',
      'failing-task',
      'a-task',
      'b-task',
      'reliability-slo-demo-seeder',
    ]);
  });

  it('says when the next run is due: ahead, now once its time came, or how late', () => {
    const now = new Date('2026-12-01T10:02:00.000Z');
    const due = (nextRunDueAt: string | undefined, state = 'ok' as const) =>
      formatNextRunDue(testTask({ nextRunDueAt, state }), now);
    expect(due('2026-12-01T10:05:00.000Z')).toBe('in 3 minutes');
    expect(due('2026-12-01T10:01:00.000Z')).toBe('now');
    expect(
      formatNextRunDue(
        testTask({ nextRunDueAt: '2026-12-01T09:40:00.000Z', state: 'late' }),
        now,
      ),
    ).toBe('was due 22 minutes ago');
    expect(due(undefined)).toBe('—');
  });

  it('says how much of its cadence a busy task’s last successful run took', () => {
    const took = (durationMs: number, cadence = 'PT5M') =>
      busyShare(
        testTask({
          cadence,
          lastSuccess: { endedAt: '2026-12-01T10:00:00.000Z', durationMs },
        }),
      );
    expect(took(60_000)).toBeUndefined();
    expect(took(180_000)).toBeCloseTo(0.6);
    expect(took(180_000, '0 3 * * *')).toBeUndefined();
    expect(busyShare(testTask({ lastSuccess: undefined }))).toBeUndefined();
  });

  it('says how many replicas run a local task and how they do, without naming them', () => {
    expect(
      formatReplicaCount({ total: 2, byState: { failing: 1, ok: 1 } }),
    ).toBe('2 replicas, 1 failing');
    expect(
      formatReplicaCount({ total: 4, byState: { late: 1, ok: 2, waiting: 1 } }),
    ).toBe('4 replicas, 1 late, 1 waiting for a first run');
    expect(formatReplicaCount({ total: 3, byState: { ok: 3 } })).toBe(
      '3 replicas, all on time',
    );
    expect(formatReplicaCount({ total: 1, byState: { ok: 1 } })).toBe(
      '1 replica, on time',
    );
  });

  it('names a local task needing attention with how many of its replicas are in trouble', () => {
    const label = (id: string) => id;
    expect(
      attentionName(
        testTask({
          id: 'files',
          state: 'failing',
          scope: 'local',
          replicaCount: { total: 3, byState: { failing: 1, late: 1, ok: 1 } },
        }),
        label,
      ),
    ).toBe('files (2 of 3 replicas)');
    expect(attentionName(testTask({ id: 'slo', state: 'late' }), label)).toBe(
      'slo',
    );
  });

  it('names replicas by host, adding the pid only where two share a host, and the id where the pid does not tell them apart', () => {
    const replica = (runner: string, pid: number | undefined, id: string) => ({
      runner,
      replica: id,
      ...(pid !== undefined && { pid }),
      state: 'ok' as const,
      seenAt: '2026-12-01T10:00:00.000Z',
    });
    expect(
      replicaNames([
        replica('web-0', 1, 'web-0:1:aa'),
        replica('vm-1', 4101, 'vm-1:4101:bb'),
        replica('vm-1', 4102, 'vm-1:4102:cc'),
        replica('vm-2', 1, 'vm-2:1:dd'),
        replica('vm-2', 1, 'vm-2:1:ee'),
        replica('vm-3', undefined, 'vm-3'),
        replica('vm-3', 7, 'vm-3:7:ff'),
      ]),
    ).toEqual(
      new Map([
        ['web-0:1:aa', 'web-0'],
        ['vm-1:4101:bb', 'vm-1 (pid 4101)'],
        ['vm-1:4102:cc', 'vm-1 (pid 4102)'],
        ['vm-2:1:dd', 'vm-2:1:dd'],
        ['vm-2:1:ee', 'vm-2:1:ee'],
        ['vm-3', 'vm-3'],
        ['vm-3:7:ff', 'vm-3 (pid 7)'],
      ]),
    );
  });

  it("names the last run's replica like the replicas list does (the pid where two share a host)", () => {
    const run = (startedAt: string) => ({
      startedAt,
      outcome: 'failed' as const,
      runner: 'vm-1',
    });
    const replica = (pid: number, startedAt: string) => ({
      runner: 'vm-1',
      replica: `vm-1:${pid}:x`,
      pid,
      state: 'ok' as const,
      seenAt: '2026-12-01T10:00:00.000Z',
      lastRun: run(startedAt),
    });
    const local = {
      ...testTask({ id: 'files', state: 'failing' }),
      lastRun: run('2026-12-01T09:59:00.000Z'),
      replicas: [
        replica(4101, '2026-12-01T09:58:00.000Z'),
        replica(4102, '2026-12-01T09:59:00.000Z'),
      ],
    };
    expect(lastRunnerName(local)).toBe('vm-1 (pid 4102)');
    // Without the replicas listed (or a global task), the host.
    expect(lastRunnerName({ ...local, replicas: undefined })).toBe('vm-1');
    expect(lastRunnerName({ ...local, lastRun: undefined })).toBeUndefined();
  });
});
