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
