import express from 'express';
import request from 'supertest';
import { schedulerApiGuard } from './schedulerApiGuard';

/** An app with the guard in front of a plugin router that has the scheduler API's routes, as Backstage mounts them. */
function app() {
  const calls: string[] = [];
  const plugin = express.Router();
  plugin.get('/.backstage/scheduler/v1/tasks', (_req, res) => {
    res.json({ tasks: [] });
  });
  plugin.post('/.backstage/scheduler/v1/tasks/:id/:action', (req, res) => {
    calls.push(`${req.params.id} ${req.params.action}`);
    res.status(200).end();
  });
  plugin.post('/background-work/:id/trigger', (_req, res) => {
    res.json({ ok: true });
  });
  const server = express()
    .use(schedulerApiGuard())
    .use('/api/reliability', plugin);
  return { server, calls };
}

describe('schedulerApiGuard', () => {
  it.each([
    '/api/reliability/.backstage/scheduler/v1/tasks/reliability-slo-refresh/trigger',
    '/api/reliability/.backstage/scheduler/v1/tasks/reliability-slo-refresh/cancel',
    '/api/catalog/.backstage/scheduler/v1/tasks/refresh/trigger/',
    '/API/Reliability/.Backstage/Scheduler/V1/Tasks/reliability-slo-refresh/TRIGGER',
    '/api/reliability//.backstage/scheduler/v1/tasks/x/trigger',
  ])('refuses %s with 403 before the plugin sees it', async path => {
    const { server, calls } = app();
    const res = await request(server).post(path);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(calls).toEqual([]);
  });

  it('lets the task list, and every other route, through', async () => {
    const { server } = app();
    expect(
      (
        await request(server).get(
          '/api/reliability/.backstage/scheduler/v1/tasks',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await request(server).post(
          '/api/reliability/background-work/reliability-slo-refresh/trigger',
        )
      ).status,
    ).toBe(200);
  });

  it('would let the unguarded route trigger a task (what it closes)', async () => {
    const plugin = express.Router();
    const calls: string[] = [];
    plugin.post('/.backstage/scheduler/v1/tasks/:id/:action', (req, res) => {
      calls.push(req.params.id);
      res.status(200).end();
    });
    const unguarded = express().use('/api/reliability', plugin);
    await request(unguarded).post(
      '/API/Reliability/.Backstage/Scheduler/V1/Tasks/reliability-slo-refresh/TRIGGER',
    );
    expect(calls).toEqual(['reliability-slo-refresh']);
  });
});
