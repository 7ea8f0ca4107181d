import {
  BackgroundTaskStatus,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';

/** A task that ran on time, 2 minutes before the response's `checkedAt`. */
export function testTask(
  overrides: Partial<BackgroundTaskStatus> = {},
): BackgroundTaskStatus {
  return {
    id: 'reliability-slo-refresh',
    cadence: 'PT5M',
    timeout: 'PT4M',
    state: 'ok',
    nextRunDueAt: '2026-12-01T10:05:00.000Z',
    lastRun: {
      startedAt: '2026-12-01T10:00:00.000Z',
      endedAt: '2026-12-01T10:00:21.000Z',
      durationMs: 21_000,
      outcome: 'succeeded',
      runner: 'backstage-worker-0',
    },
    lastSuccess: { endedAt: '2026-12-01T10:00:21.000Z', durationMs: 21_000 },
    ...overrides,
  };
}

/**
 * The schedule files' reload (scope local) on two replicas, backstage-web-1 failing (it never succeeded) and
 * backstage-web-0 on time, as
 * a reliability admin sees it (`withNames`, with each replica) or anyone else (counts only).
 */
export function testLocalTask(withNames: boolean): BackgroundTaskStatus {
  const failed = {
    startedAt: '2026-12-01T10:00:30.000Z',
    endedAt: '2026-12-01T10:00:31.000Z',
    durationMs: 1000,
    outcome: 'failed' as const,
  };
  return {
    id: 'reliability-oncall-schedule-files',
    scope: 'local',
    cadence: 'PT5M',
    timeout: 'PT1M',
    state: 'failing',
    nextRunDueAt: '2026-12-01T10:05:30.000Z',
    lastRun: withNames
      ? {
          ...failed,
          error: 'ENOENT: /etc/schedules/web.yaml',
          runner: 'backstage-web-1',
        }
      : failed,
    // The newest success of any replica (backstage-web-0's).
    lastSuccess: { endedAt: '2026-12-01T10:01:01.000Z', durationMs: 1000 },
    replicaCount: { total: 2, byState: { failing: 1, ok: 1 } },
    ...(withNames && {
      replicas: [
        {
          runner: 'backstage-web-1',
          replica: 'backstage-web-1:1:5e1f0a01',
          pid: 1,
          state: 'failing',
          lastRun: {
            ...failed,
            error: 'ENOENT: /etc/schedules/web.yaml',
            runner: 'backstage-web-1',
          },
          nextRunDueAt: '2026-12-01T10:05:30.000Z',
          seenAt: '2026-12-01T10:01:40.000Z',
        },
        {
          runner: 'backstage-web-0',
          replica: 'backstage-web-0:1:5e1f0a00',
          pid: 1,
          state: 'ok',
          lastRun: {
            startedAt: '2026-12-01T10:01:00.000Z',
            endedAt: '2026-12-01T10:01:01.000Z',
            durationMs: 1000,
            outcome: 'succeeded',
            runner: 'backstage-web-0',
          },
          lastSuccess: {
            endedAt: '2026-12-01T10:01:01.000Z',
            durationMs: 1000,
          },
          nextRunDueAt: '2026-12-01T10:06:00.000Z',
          seenAt: '2026-12-01T10:01:50.000Z',
        },
      ],
    }),
  };
}

/** `GET /background-work` with the given tasks (one task on time by default). */
export function testBackgroundWork(
  overrides: Partial<BackgroundWorkResponse> = {},
): BackgroundWorkResponse {
  return {
    checkedAt: '2026-12-01T10:02:00.000Z',
    detailsShown: false,
    tasks: [testTask()],
    ...overrides,
  };
}
