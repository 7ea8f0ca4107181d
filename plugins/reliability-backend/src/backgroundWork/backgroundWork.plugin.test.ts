import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BackgroundWorkResponse } from '@internal/backstage-plugin-reliability-common';
import path from 'node:path';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';
import { HEARTBEAT_TASK_ID } from './recordingScheduler';

jest.setTimeout(60_000);

const scheduleFile = path.resolve(
  __dirname,
  '../../../../examples/reliability/oncall/web-storefront.yaml',
);

/**
 * The real plugin with a scheduler that only collects the tasks (`id:scope`) and their functions, so a test runs
 * them itself.
 */
async function startPlugin(reliability: object) {
  const fns = new Map<string, SchedulerServiceTaskFunction>();
  const registered: string[] = [];
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: jest.fn(async task => {
      fns.set(task.id, task.fn);
      registered.push(`${task.id}:${task.scope ?? 'global'}`);
    }),
  });
  const backend = await startTestBackend({
    features: [
      reliabilityPlugin,
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            onCall: { scheduleFiles: [scheduleFile] },
            ...reliability,
          },
        },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
  const backgroundWork = async (): Promise<BackgroundWorkResponse> => {
    const res = await request(backend.server)
      .get('/api/reliability/background-work')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  };
  return { backend, fns, registered, backgroundWork };
}

describe('reliability.backgroundTasks.enabled', () => {
  it("registers every area's global task by default, and only the per-replica task when false", async () => {
    const all = await startPlugin({});
    await all.backend.stop();
    expect(all.registered).toEqual(
      expect.arrayContaining([
        'reliability-slo-refresh:global',
        'reliability-oncall-refresh:global',
        'reliability-runbooks-refresh:global',
        'reliability-checklist-refresh:global',
        'reliability-overview-refresh:global',
        'reliability-trends-refresh:global',
        'reliability-oncall-schedule-files:local',
        `${HEARTBEAT_TASK_ID}:local`,
      ]),
    );
    expect(all.registered.length).toBeGreaterThan(10);

    const webOnly = await startPlugin({ backgroundTasks: { enabled: false } });
    await webOnly.backend.stop();
    // The per-replica task and the heartbeat that says this replica still runs it.
    expect(webOnly.registered).toEqual([
      `${HEARTBEAT_TASK_ID}:local`,
      'reliability-oncall-schedule-files:local',
    ]);
  });
});

describe('GET /background-work with the real plugin', () => {
  it('lists every task this replica registered and the outcome of a run', async () => {
    const { backend, fns, backgroundWork } = await startPlugin({});
    try {
      const before = await backgroundWork();
      // Every task but the heartbeat, which is not recorded.
      expect(before.tasks.map(t => t.id).sort()).toEqual(
        [...fns.keys()].filter(id => id !== HEARTBEAT_TASK_ID).sort(),
      );
      expect(new Set(before.tasks.map(t => t.state))).toEqual(
        new Set(['waiting']),
      );

      await fns.get('reliability-checklist-refresh')!(
        new AbortController().signal,
      );
      const after = await backgroundWork();
      const checklist = after.tasks.find(
        t => t.id === 'reliability-checklist-refresh',
      );
      expect(checklist).toMatchObject({
        state: 'ok',
        lastRun: { outcome: 'succeeded' },
        lastSuccess: { durationMs: expect.any(Number) },
      });

      // The per-replica task is recorded as this replica's copy.
      await fns.get('reliability-oncall-schedule-files')!(
        new AbortController().signal,
      );
      const files = (await backgroundWork()).tasks.find(
        t => t.id === 'reliability-oncall-schedule-files',
      );
      expect(files).toMatchObject({
        scope: 'local',
        state: 'ok',
        replicaCount: { total: 1, byState: { ok: 1 } },
      });
    } finally {
      await backend.stop();
    }
  });

  it('lists only the per-replica task on a replica with background tasks off', async () => {
    const { backend, backgroundWork } = await startPlugin({
      backgroundTasks: { enabled: false },
    });
    try {
      expect((await backgroundWork()).tasks.map(t => t.id)).toEqual([
        'reliability-oncall-schedule-files',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
