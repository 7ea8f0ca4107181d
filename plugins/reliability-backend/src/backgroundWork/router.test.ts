import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { BackgroundWorkService } from './BackgroundWorkService';
import { createBackgroundWorkRouter } from './router';
import { TaskRunStore } from './store/TaskRunStore';

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
];

function app(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const store = { list: async () => records } as unknown as TaskRunStore;
  const router = createBackgroundWorkRouter({
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions.mock({
      authorize: jest.fn(async () => [{ result }]),
    }),
    service: new BackgroundWorkService({
      store,
      now: () => new Date('2026-12-01T10:02:00Z'),
    }),
  });
  return express().use(router);
}

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
        {
          id: 'reliability-slo-refresh',
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
    expect(res.body.tasks[0].state).toBe('failing');
    expect(res.body.tasks[0].lastRun).not.toHaveProperty('error');
    expect(res.body.tasks[0].lastRun).not.toHaveProperty('runner');
  });
});
