import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import { createFakeUrlReader } from './__testUtils__/fakeUrlReader';
import { createRunbooksFeature } from './createRunbooksFeature';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-22T10:00:00.000Z');
const BASE = 'https://git.example.com/orders-api/';

const slo: SloDefinition = {
  name: 'availability',
  indicator: { name: 'availability-sli' },
  window: { kind: 'rolling', durationSeconds: 86400 * 28, label: '28d' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.99 }],
  alertPolicies: [
    { name: 'fast-burn', conditions: [] },
    { name: 'slow-burn', conditions: [] },
  ],
};

async function createContext() {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const scheduler = mockServices.scheduler.mock();
  const ctx = {
    logger: mockServices.logger.mock(),
    config: mockServices.rootConfig({
      data: { reliability: { runbooks: { refreshInterval: { hours: 1 } } } },
    }),
    knex,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'orders-api',
            namespace: 'default',
            annotations: {
              'backstage.io/source-location': `url:${BASE}`,
              [ANNOTATIONS.runbooks]: 'runbooks/high-error-rate.md',
            },
          },
          spec: {},
        },
      ],
    }),
    scheduler,
    urlReader: createFakeUrlReader({
      [`${BASE}runbooks/high-error-rate.md`]:
        '---\nanswers: [fast-burn]\nlastReviewed: 2026-11-01\n---\n# Orders errors',
    }),
    sliProviders: [],
    onCallProviders: [],
    now: () => NOW,
  } as unknown as ReliabilityContext;
  return { ctx, scheduler };
}

describe('createRunbooksFeature', () => {
  it('schedules its refresher, whose run fills the summaries', async () => {
    const { ctx, scheduler } = await createContext();
    const feature = await createRunbooksFeature(ctx, {
      sloDefinitions: { load: async () => ({ definitions: [slo] }) },
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const [task] = scheduler.scheduleTask.mock.calls[0];
    expect(task).toEqual(
      expect.objectContaining({
        id: 'reliability-runbooks-refresh',
        scope: 'global',
        frequency: { hours: 1 },
      }),
    );

    const ref = 'component:default/orders-api';
    expect((await feature.summaries.getSummaries([ref])).has(ref)).toBe(false);
    await task.fn(new AbortController().signal);

    expect(await feature.summaries.getSummaries([ref])).toEqual(
      new Map([
        [
          ref,
          {
            entityRef: ref,
            runbookCount: 1,
            staleCount: 0,
            coverage: 0.5,
            updatedAt: NOW.toISOString(),
          },
        ],
      ]),
    );
  });
});
