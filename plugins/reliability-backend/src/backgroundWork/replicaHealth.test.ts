import { FILES } from './__testUtils__/taskFixtures';
import { TaskRecord } from './store/TaskRunStore';
import {
  localTaskHealth,
  REPLICA_GONE_AFTER_MS,
  tasksHealth,
} from './replicaHealth';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-01T10:30:00Z');

/** A replica's copy of the schedule files' reload (every 5 minutes), seen by its heartbeat a moment ago. */
function copy(
  replica: string,
  lastRun: {
    startedAt: string;
    outcome: 'running' | 'succeeded' | 'failed';
    endedAt?: string;
  },
  overrides: Partial<TaskRecord> = {},
): TaskRecord {
  const startedAt = at(lastRun.startedAt);
  let endedAt: Date | undefined;
  if (lastRun.endedAt) endedAt = at(lastRun.endedAt);
  else if (lastRun.outcome !== 'running') {
    endedAt = new Date(startedAt.getTime() + 1000);
  }
  return {
    taskId: FILES,
    replica,
    cadence: 'PT5M',
    timeout: 'PT1M',
    registeredAt: at('2026-12-01T08:00:00Z'),
    seenAt: at('2026-12-01T10:29:30Z'),
    lastRun: {
      startedAt,
      ...(endedAt && { endedAt }),
      outcome: lastRun.outcome,
      ...(lastRun.outcome === 'failed' && {
        error: 'ENOENT: /etc/schedules/web.yaml',
      }),
      runner: replica,
    },
    ...(lastRun.outcome === 'succeeded' && {
      lastSuccess: { endedAt: endedAt!, durationMs: 1000 },
    }),
    ...overrides,
  };
}

/** A copy that runs on time: its last run, at 10:28, succeeded (the next is due at 10:33). */
const succeeding = (replica: string) =>
  copy(replica, { startedAt: '2026-12-01T10:28:00Z', outcome: 'succeeded' });

/** A copy whose last run, at 10:27, failed. */
const failing = (replica: string) =>
  copy(replica, { startedAt: '2026-12-01T10:27:00Z', outcome: 'failed' });

const details = { withDetails: true };

describe('localTaskHealth', () => {
  it('shows the failing replica, not the one that succeeded last (no "last replica wins")', () => {
    const task = localTaskHealth(
      [succeeding('backstage-a'), failing('backstage-b')],
      NOW,
      details,
    )!;
    expect(task).toMatchObject({
      id: FILES,
      scope: 'local',
      state: 'failing',
      lastRun: {
        outcome: 'failed',
        runner: 'backstage-b',
        error: 'ENOENT: /etc/schedules/web.yaml',
      },
      replicaCount: { total: 2, byState: { failing: 1, ok: 1 } },
    });
    // The task as a whole last succeeded on backstage-a; b's own line says it never did.
    expect(task.lastSuccess).toEqual({
      endedAt: '2026-12-01T10:28:01.000Z',
      durationMs: 1000,
    });
    expect(task.replicas![0]).not.toHaveProperty('lastSuccess');
    expect(task.replicas!.map(r => [r.runner, r.state])).toEqual([
      ['backstage-b', 'failing'],
      ['backstage-a', 'ok'],
    ]);
    expect(task.replicas![1]).toEqual({
      runner: 'backstage-a',
      replica: 'backstage-a',
      state: 'ok',
      lastRun: {
        startedAt: '2026-12-01T10:28:00.000Z',
        endedAt: '2026-12-01T10:28:01.000Z',
        durationMs: 1000,
        outcome: 'succeeded',
        runner: 'backstage-a',
      },
      lastSuccess: { endedAt: '2026-12-01T10:28:01.000Z', durationMs: 1000 },
      nextRunDueAt: '2026-12-01T10:33:00.000Z',
      seenAt: '2026-12-01T10:29:30.000Z',
    });
  });

  it('gives the task the newest success of its counted replicas, not that of a replica that stopped', () => {
    // Each copy's last run (at 10:25) failed after an earlier success.
    const succeededAt = (replica: string, success: string, seen?: string) =>
      copy(
        replica,
        { startedAt: '2026-12-01T10:25:00Z', outcome: 'failed' },
        {
          lastSuccess: { endedAt: at(success), durationMs: 2000 },
          ...(seen && { seenAt: at(seen) }),
        },
      );
    const task = localTaskHealth(
      [
        succeededAt('backstage-a', '2026-12-01T10:10:00Z'),
        succeededAt('backstage-b', '2026-12-01T10:20:00Z'),
        // Its success is the newest, but it stopped (last seen 10:24): not counted.
        succeededAt(
          'backstage-gone',
          '2026-12-01T10:23:00Z',
          '2026-12-01T10:24:00Z',
        ),
      ],
      NOW,
      details,
    )!;
    expect(task.lastSuccess).toEqual({
      endedAt: '2026-12-01T10:20:00.000Z',
      durationMs: 2000,
    });
    // The copy shown (failing, first by name) keeps its own success on its line.
    expect(task.lastRun?.runner).toBe('backstage-a');
    expect(task.replicas!.map(r => r.lastSuccess?.endedAt)).toEqual([
      '2026-12-01T10:10:00.000Z',
      '2026-12-01T10:20:00.000Z',
    ]);
  });

  it("says late when a live replica's copy stopped running while another's runs on time", () => {
    const task = localTaskHealth(
      [
        succeeding('backstage-a'),
        // Its heartbeat still comes, its copy has not run for 20 minutes.
        copy('backstage-b', {
          startedAt: '2026-12-01T10:10:00Z',
          outcome: 'succeeded',
        }),
      ],
      NOW,
      details,
    )!;
    expect(task.state).toBe('late');
    expect(task.nextRunDueAt).toBe('2026-12-01T10:15:00.000Z');
    expect(task.lastRun?.runner).toBe('backstage-b');
    expect(task.replicaCount).toEqual({
      total: 2,
      byState: { late: 1, ok: 1 },
    });
  });

  it('ignores a replica not seen for 5 minutes (scaled down, replaced), and never calls it late before', () => {
    const runsOnTime = succeeding('backstage-a');
    const stoppedAt = (seen: string) =>
      copy(
        'backstage-b',
        { startedAt: '2026-12-01T10:20:00Z', outcome: 'succeeded' },
        { seenAt: at(seen) },
      );
    // Stopped 5 minutes and more ago: not counted, not shown.
    const gone = localTaskHealth(
      [runsOnTime, stoppedAt('2026-12-01T10:24:59Z')],
      NOW,
      details,
    )!;
    expect(gone.state).toBe('ok');
    expect(gone.replicaCount).toEqual({ total: 1, byState: { ok: 1 } });
    expect(gone.replicas!.map(r => r.runner)).toEqual(['backstage-a']);
    expect(
      NOW.getTime() - at('2026-12-01T10:24:59Z').getTime(),
    ).toBeGreaterThan(REPLICA_GONE_AFTER_MS);

    // Stopped 3 minutes ago, before its next run was due (10:25 plus slack): its last state, not late.
    const stopping = localTaskHealth(
      [runsOnTime, stoppedAt('2026-12-01T10:27:00Z')],
      NOW,
      details,
    )!;
    expect(stopping.replicaCount).toEqual({ total: 2, byState: { ok: 2 } });
  });

  it('calls a run interrupted only when its replica was seen after the timeout', () => {
    const running = (seen: string) =>
      copy(
        'backstage-b',
        { startedAt: '2026-12-01T10:20:00Z', outcome: 'running' },
        { seenAt: at(seen) },
      );
    // Timeout 1 minute plus 2 minutes' slack: 10:23.
    expect(
      localTaskHealth([running('2026-12-01T10:29:30Z')], NOW, details)!.state,
    ).toBe('interrupted');
    // Last seen at 10:22:30 (it stopped mid-run): still counted at 10:25, and not called interrupted.
    expect(
      localTaskHealth(
        [running('2026-12-01T10:22:30Z')],
        at('2026-12-01T10:25:00Z'),
        details,
      )!.state,
    ).toBe('running');
  });

  it('counts two processes on one host as two replicas, each with its host name and pid', () => {
    const onHost = (pid: number, outcome: 'succeeded' | 'failed') =>
      copy(
        `backstage-a:${pid}:0a1b2c3d`,
        { startedAt: '2026-12-01T10:28:00Z', outcome },
        { replicaLabel: { host: 'backstage-a', pid } },
      );
    const task = localTaskHealth(
      [onHost(101, 'succeeded'), onHost(102, 'failed')],
      NOW,
      details,
    )!;
    expect(task.replicaCount).toEqual({
      total: 2,
      byState: { failing: 1, ok: 1 },
    });
    expect(task.replicas!.map(r => [r.runner, r.pid, r.replica])).toEqual([
      ['backstage-a', 102, 'backstage-a:102:0a1b2c3d'],
      ['backstage-a', 101, 'backstage-a:101:0a1b2c3d'],
    ]);
  });

  it('counts the replicas without naming them for callers without reliability.admin', () => {
    const task = localTaskHealth(
      [succeeding('backstage-a'), failing('backstage-b')],
      NOW,
      { withDetails: false },
    )!;
    expect(task.replicaCount).toEqual({
      total: 2,
      byState: { failing: 1, ok: 1 },
    });
    expect(task).not.toHaveProperty('replicas');
    expect(task.lastRun).not.toHaveProperty('runner');
    expect(task.lastRun).not.toHaveProperty('error');
    expect(JSON.stringify(task)).not.toMatch(/backstage-/);
  });
});

describe('a local task with a Run now request', () => {
  const request = {
    taskId: FILES,
    requestedAt: at('2026-12-01T10:27:30Z'),
    requestedBy: 'user:default/alice',
  };
  const copies = [
    // Started after the request: done.
    succeeding('backstage-a'),
    // Last started before it: still to run it.
    failing('backstage-b'),
    // Started up after the request, not run yet: not for it.
    {
      ...succeeding('backstage-c'),
      lastRun: undefined,
      lastSuccess: undefined,
      registeredAt: at('2026-12-01T10:29:00Z'),
    },
  ];

  it('says how many counted replicas have still to run it, and who asked only to reliability admins', () => {
    expect(localTaskHealth(copies, NOW, details, request)!.runRequest).toEqual({
      requestedAt: '2026-12-01T10:27:30.000Z',
      requestedBy: 'user:default/alice',
      pendingReplicas: 1,
    });
    expect(
      localTaskHealth(copies, NOW, { withDetails: false }, request)!.runRequest,
    ).toEqual({ requestedAt: '2026-12-01T10:27:30.000Z', pendingReplicas: 1 });
  });

  it('drops the request once every counted replica has run since', () => {
    expect(
      localTaskHealth([copies[0], copies[2]], NOW, details, request),
    ).not.toHaveProperty('runRequest');
  });
});

describe('tasksHealth', () => {
  it('judges a global task from its one record and a local task from its live replicas, leaving out a local task no replica runs any more', () => {
    const tasks = tasksHealth(
      [
        succeeding('backstage-a'),
        {
          ...copy('backstage-old', {
            startedAt: '2026-11-20T10:00:00Z',
            outcome: 'succeeded',
          }),
          taskId: 'reliability-retired-local-task',
          seenAt: at('2026-11-20T10:00:01Z'),
        },
        {
          taskId: 'reliability-slo-refresh',
          cadence: 'PT5M',
          registeredAt: at('2026-12-01T10:00:00Z'),
        },
      ],
      NOW,
      details,
    );
    expect(tasks.map(t => [t.id, t.scope, t.state])).toEqual([
      [FILES, 'local', 'ok'],
      ['reliability-slo-refresh', 'global', 'late'],
    ]);
    expect(tasks[1]).not.toHaveProperty('replicaCount');
  });
});
