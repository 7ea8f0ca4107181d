import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { BackgroundWorkService } from './BackgroundWorkService';
import { createBackgroundWorkRouter } from './router';
import { TaskRunRequest, TaskRunStore } from './store/TaskRunStore';

const records = [
  {
    taskId: 'reliability-slo-refresh',
    cadence: 'PT5M',
    timeout: 'PT4M',
    registeredAt: new Date('2026-12-01T09:00:00Z'),
    lastRun: {
      startedAt: new Date('2026-12-01T10:00:00Z'),
      endedAt: new Date('2026-12-01T10:00:01Z'),
      outcome: 'failed' as const,
      error: 'connect ECONNREFUSED prometheus.internal:9090',
      runner: 'replica-a',
    },
  },
  // The schedule files' reload (scope local) on two replicas: one fails, the other succeeded after it.
  ...['replica-a', 'replica-b'].map(replica => ({
    taskId: 'reliability-oncall-schedule-files',
    replica,
    cadence: 'PT5M',
    timeout: 'PT1M',
    registeredAt: new Date('2026-12-01T09:00:00Z'),
    seenAt: new Date('2026-12-01T10:01:30Z'),
    lastRun: {
      startedAt: new Date(
        replica === 'replica-a'
          ? '2026-12-01T10:01:00Z'
          : '2026-12-01T10:00:30Z',
      ),
      endedAt: new Date(
        replica === 'replica-a'
          ? '2026-12-01T10:01:01Z'
          : '2026-12-01T10:00:31Z',
      ),
      outcome:
        replica === 'replica-a' ? ('succeeded' as const) : ('failed' as const),
      ...(replica === 'replica-b' && {
        error: 'ENOENT: /etc/schedules/web.yaml',
      }),
      runner: replica,
    },
  })),
];

function setUp(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const requests: TaskRunRequest[] = [];
  const store = {
    list: async () => records,
    runRequests: async () => requests,
    requestRun: jest.fn(
      async (taskId: string, asked: { at: Date; by: string }) => {
        requests.push({
          taskId,
          requestedAt: asked.at,
          requestedBy: asked.by,
        });
      },
    ),
  } as unknown as TaskRunStore;
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  const router = createBackgroundWorkRouter({
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions.mock({
      authorize: jest.fn(async () => [{ result }]),
    }),
    service: new BackgroundWorkService({
      store,
      now: () => new Date('2026-12-01T10:02:00Z'),
      scheduler,
      logger,
    }),
  });
  const server = express()
    .use(express.json())
    .use(router)
    .use(mockErrorHandler());
  return { server, scheduler, logger, store };
}

const app = (result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) =>
  setUp(result).server;

describe('GET /background-work', () => {
  it('says each task’s state, and the failure’s message to reliability admins', async () => {
    const res = await request(app(AuthorizeResult.ALLOW))
      .get('/background-work')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      checkedAt: '2026-12-01T10:02:00.000Z',
      detailsShown: true,
      tasks: [
        expect.objectContaining({ id: 'reliability-oncall-schedule-files' }),
        {
          id: 'reliability-slo-refresh',
          scope: 'global',
          cadence: 'PT5M',
          timeout: 'PT4M',
          state: 'failing',
          nextRunDueAt: '2026-12-01T10:05:00.000Z',
          lastRun: {
            startedAt: '2026-12-01T10:00:00.000Z',
            endedAt: '2026-12-01T10:00:01.000Z',
            durationMs: 1000,
            outcome: 'failed',
            error: 'connect ECONNREFUSED prometheus.internal:9090',
            runner: 'replica-a',
          },
        },
      ],
    });
  });

  it('keeps failures’ messages and host names from everyone else', async () => {
    const res = await request(app(AuthorizeResult.DENY))
      .get('/background-work')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.detailsShown).toBe(false);
    expect(res.body.tasks[1].state).toBe('failing');
    expect(res.body.tasks[1].lastRun).not.toHaveProperty('error');
    expect(res.body.tasks[1].lastRun).not.toHaveProperty('runner');
    // A local task: how many replicas and in which states, not which ones.
    expect(res.body.tasks[0]).toMatchObject({
      scope: 'local',
      state: 'failing',
      replicaCount: { total: 2, byState: { failing: 1, ok: 1 } },
    });
    expect(res.body.tasks[0]).not.toHaveProperty('replicas');
    expect(res.text).not.toMatch(/replica-[ab]|ENOENT/);
  });

  it("shows reliability admins each replica's copy of a local task, the failing one first", async () => {
    const res = await request(app(AuthorizeResult.ALLOW))
      .get('/background-work')
      .set('Authorization', mockCredentials.user.header());
    const [files] = res.body.tasks;
    expect(files).toMatchObject({
      id: 'reliability-oncall-schedule-files',
      state: 'failing',
      lastRun: {
        runner: 'replica-b',
        error: 'ENOENT: /etc/schedules/web.yaml',
      },
    });
    expect(
      files.replicas.map((r: { runner: string; state: string }) => [
        r.runner,
        r.state,
      ]),
    ).toEqual([
      ['replica-b', 'failing'],
      ['replica-a', 'ok'],
    ]);
  });
});

describe('POST /background-work/:taskId/trigger', () => {
  const trigger = (server: express.Express, taskId: string, body: object) =>
    request(server)
      .post(`/background-work/${taskId}/trigger`)
      .set('Authorization', mockCredentials.user.header())
      .send(body);

  it('lets a reliability admin run a recorded task now, logged with who and why', async () => {
    const { server, scheduler, logger } = setUp(AuthorizeResult.ALLOW);
    const res = await trigger(server, 'reliability-slo-refresh', {
      reason: 'Prometheus credentials fixed',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      taskId: 'reliability-slo-refresh',
      triggeredAt: '2026-12-01T10:02:00.000Z',
      scope: 'global',
      message:
        'Starts within a few seconds on a replica that runs background tasks.',
    });
    expect(scheduler.triggerTask).toHaveBeenCalledWith(
      'reliability-slo-refresh',
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /reliability-slo-refresh triggered by user:default\/mock: Prometheus credentials fixed/,
      ),
    );
  });

  it('refuses everyone else with 403 and triggers nothing, nor requests a local task', async () => {
    const { server, scheduler, store } = setUp(AuthorizeResult.DENY);
    const res = await trigger(server, 'reliability-slo-refresh', {
      reason: 'Prometheus credentials fixed',
    });
    expect(res.status).toBe(403);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    const local = await trigger(server, 'reliability-oncall-schedule-files', {
      reason: 'Schedule file fixed',
    });
    expect(local.status).toBe(403);
    expect(store.requestRun).not.toHaveBeenCalled();
  });

  it('answers 404 for a task it does not know, 400 without a reason, 409 while the task runs', async () => {
    const { server, scheduler } = setUp(AuthorizeResult.ALLOW);
    expect(
      (await trigger(server, 'catalog-refresh', { reason: 'just because' }))
        .status,
    ).toBe(404);
    expect(
      (await trigger(server, 'reliability-slo-refresh', { reason: ' ' }))
        .status,
    ).toBe(400);
    expect(
      (
        await trigger(server, 'reliability-slo-refresh', {
          reason: 'Prometheus credentials fixed',
          extra: true,
        })
      ).status,
    ).toBe(400);
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    scheduler.triggerTask.mockRejectedValueOnce(
      new ConflictError('Task reliability-slo-refresh is currently running'),
    );
    const running = await trigger(server, 'reliability-slo-refresh', {
      reason: 'Prometheus credentials fixed',
    });
    expect(running.status).toBe(409);
    expect(running.body.error.message).toMatch(/currently running/);
  });

  it('requests a local task on every replica instead of triggering it here, says so, and shows the request as pending', async () => {
    const { server, scheduler, store, logger } = setUp(AuthorizeResult.ALLOW);
    const res = await trigger(server, 'reliability-oncall-schedule-files', {
      reason: 'Schedule file fixed',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      taskId: 'reliability-oncall-schedule-files',
      triggeredAt: '2026-12-01T10:02:00.000Z',
      scope: 'local',
      message:
        'Runs on every replica within about a minute: each replica runs its own copy once, at its next heartbeat.',
    });
    expect(scheduler.triggerTask).not.toHaveBeenCalled();
    expect(store.requestRun).toHaveBeenCalledWith(
      'reliability-oncall-schedule-files',
      {
        at: new Date('2026-12-01T10:02:00Z'),
        by: 'user:default/mock',
        reason: 'Schedule file fixed',
      },
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /reliability-oncall-schedule-files requested on every replica by user:default\/mock: Schedule file fixed/,
      ),
    );
    // Both replicas last started before the request: both still to run it.
    const listed = await request(server)
      .get('/background-work')
      .set('Authorization', mockCredentials.user.header());
    expect(listed.body.tasks[0].runRequest).toEqual({
      requestedAt: '2026-12-01T10:02:00.000Z',
      requestedBy: 'user:default/mock',
      pendingReplicas: 2,
    });
  });
});
