import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'node:path';
import { reliabilityPlugin } from '../plugin';

jest.setTimeout(60_000);

const scheduleFile = path.resolve(
  __dirname,
  '../../../../examples/reliability/oncall/web-storefront.yaml',
);

/** The tasks the real plugin registers (`id:scope`) with the given config. */
async function registeredTasks(reliability: object): Promise<string[]> {
  const scheduler = mockServices.scheduler.mock();
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
  await backend.stop();
  return scheduler.scheduleTask.mock.calls.map(
    ([task]) => `${task.id}:${task.scope ?? 'global'}`,
  );
}

describe('reliability.backgroundTasks.enabled', () => {
  it("registers every area's global task by default, and only the per-replica task when false", async () => {
    const all = await registeredTasks({});
    expect(all).toEqual(
      expect.arrayContaining([
        'reliability-slo-refresh:global',
        'reliability-oncall-refresh:global',
        'reliability-runbooks-refresh:global',
        'reliability-checklist-refresh:global',
        'reliability-overview-refresh:global',
        'reliability-trends-refresh:global',
        'reliability-oncall-schedule-files:local',
      ]),
    );
    expect(all.length).toBeGreaterThan(10);

    const webOnly = await registeredTasks({
      backgroundTasks: { enabled: false },
    });
    expect(webOnly).toEqual(['reliability-oncall-schedule-files:local']);
  });
});
