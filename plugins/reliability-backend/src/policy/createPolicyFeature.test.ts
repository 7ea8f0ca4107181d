import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import { createPolicyFeature } from './createPolicyFeature';
import {
  FakeSloStates,
  sloEntity,
  sloWith,
} from './__testUtils__/policyFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-23T08:00:00.000Z');
const checkout = sloEntity('checkout-api');

async function createContext(options: { reports?: unknown }) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  const ctx = {
    logger,
    config: mockServices.rootConfig({
      data: options.reports
        ? { reliability: { reports: options.reports } }
        : {},
    }),
    knex,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock({ entities: [checkout] }),
    scheduler,
    now: () => NOW,
  } as unknown as ReliabilityContext;
  return { ctx, scheduler, logger };
}

const deps = (reportSender?: { send: jest.Mock }) => ({
  reportSender,
  slo: { getSummaries: async () => new Map() },
  sloStates: new FakeSloStates().set(checkout, [
    sloWith('checkout-availability', -0.1, 'ticket'),
  ]),
});

describe('createPolicyFeature', () => {
  it('schedules only the policy refresh without a report schedule', async () => {
    const { ctx, scheduler } = await createContext({});
    await createPolicyFeature(ctx, deps({ send: jest.fn() }));
    expect(scheduler.scheduleTask.mock.calls.map(([t]) => t.id)).toEqual([
      'reliability-policy-refresh',
    ]);
  });

  it('schedules the team report notification as a global task, whose run sends the report', async () => {
    const { ctx, scheduler } = await createContext({
      reports: { schedule: { weekday: 'monday', time: '08:00' } },
    });
    const sender = { send: jest.fn(async () => 1) };
    await createPolicyFeature(ctx, deps(sender));
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'reliability-reports-notify');
    expect(task).toEqual(
      expect.objectContaining({
        scope: 'global',
        frequency: { cron: '0 8 * * 1' },
      }),
    );
    await task!.fn(new AbortController().signal);
    expect(sender.send).toHaveBeenCalledWith([
      expect.objectContaining({
        kind: 'sloReviewReport',
        recipients: ['group:default/team-a'],
        payload: expect.objectContaining({
          link: '/catalog/default/group/team-a/reliability-review',
        }),
      }),
    ]);
  });

  it('warns and schedules nothing more without a report sender', async () => {
    const { ctx, scheduler, logger } = await createContext({
      reports: { schedule: { cron: '0 8 * * 1' } },
    });
    await createPolicyFeature(ctx, deps());
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/notifications area is not available/),
    );
  });

  it('exposes the service policy states as summaries and an index', async () => {
    const { ctx } = await createContext({});
    const feature = await createPolicyFeature(ctx, deps());
    await feature.service.evaluate(checkout);
    const ref = 'component:default/checkout-api';
    expect(await feature.summaries.getSummaries([ref])).toEqual(
      new Map([
        [
          ref,
          {
            entityRef: ref,
            state: 'frozen',
            decision: 'deny',
            policyName: 'default',
            since: NOW.toISOString(),
            evaluatedAt: NOW.toISOString(),
          },
        ],
      ]),
    );
    expect(
      await feature.policyStates.pageEntityRefsWithPolicyState({
        state: 'frozen',
        kind: 'component',
        order: 'asc',
        offset: 0,
        limit: 10,
        includeTotal: true,
      }),
    ).toEqual({ entityRefs: [ref], totalItems: 1 });
  });
});
