import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../database/migrateDatabase';
import { OnCallRefresher } from './OnCallRefresher';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';
import {
  fakeProvider,
  serviceEntity,
  snapshot,
} from './__testUtils__/onCallFixtures';
import { snapshotRefresh } from './__testUtils__/onCallRefreshes';
import { onCallServiceFor } from './__testUtils__/onCallServiceFor';
import { ProviderRequestBudget } from '@internal/backstage-plugin-reliability-node';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00.000Z');

it('materialises every annotated entity, fills shift history and removes entities gone from the catalog', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-refresh-'));
  await fs.writeFile(
    path.join(dir, 'oncall.yaml'),
    `schedules:
  - id: checkout-primary
    name: Checkout primary
    timeZone: Europe/Berlin
    layers:
      - { name: Daily, members: [ana@example.com, bo@example.com], rotation: daily, start: '2026-06-01' }
`,
  );
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const store = new KnexOnCallStore({ knex: db });
  // An entity gone from the catalog since, with no shift recorded (no shift of it to prune).
  await store.saveRefreshes([
    snapshotRefresh('component:default/gone', snapshot({ current: [] }), NOW),
  ]);
  const repository = new ScheduleRepository({
    files: ['oncall.yaml'],
    logger: mockServices.logger.mock(),
    baseDir: dir,
  });
  await repository.reload();
  const builtIn = new ScheduleAsCodeProvider({ repository });
  const catalog = catalogServiceMock({
    entities: [serviceEntity('checkout'), serviceEntity('docs', {})],
  });
  const service = onCallServiceFor({
    providers: [builtIn],
    store,
    catalog,
    now: () => NOW,
  });
  const refresher = new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    service,
    store,
    builtIn,
    now: () => NOW,
  });
  await expect(refresher.run()).resolves.toEqual({
    refreshed: 1,
    failed: 0,
    removed: 1,
    prunedShifts: 0,
  });

  expect(await store.listLatestEntityRefsNotIn(new Set())).toEqual([
    'component:default/checkout',
  ]);
  const shifts = await store.getShifts(
    ['component:default/checkout'],
    new Date('2026-01-01'),
    NOW,
  );
  // 90 days of daily shifts, the current one included once.
  expect(shifts.length).toBe(91);
  expect(shifts[shifts.length - 1].end.toISOString()).toBe(
    '2026-11-21T08:00:00.000Z',
  );
  await fs.rm(dir, { recursive: true, force: true });
});

it('skips retention when the run is aborted, since the catalog listing is incomplete', async () => {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const store = new KnexOnCallStore({ knex: db });
  await store.saveRefreshes([
    snapshotRefresh('component:default/gone', snapshot({ current: [] }), NOW),
  ]);
  const repository = new ScheduleRepository({
    files: [],
    logger: mockServices.logger.mock(),
  });
  const builtIn = new ScheduleAsCodeProvider({ repository });
  const catalog = catalogServiceMock({ entities: [serviceEntity('checkout')] });
  const service = onCallServiceFor({
    providers: [builtIn],
    store,
    catalog,
    now: () => NOW,
  });
  const refresher = new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    service,
    store,
    builtIn,
    now: () => NOW,
  });
  const controller = new AbortController();
  controller.abort();

  await expect(refresher.run(controller.signal)).resolves.toEqual({
    refreshed: 0,
    failed: 0,
    removed: 0,
    prunedShifts: 0,
  });
  expect(await store.listLatestEntityRefsNotIn(new Set())).toEqual([
    'component:default/gone',
  ]);
});

it('keeps the last on-call data of services the vendor budget refuses and says so in one line per run', async () => {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const store = new KnexOnCallStore({ knex: db });
  // Set once the first run is done.
  const vendor: { budget?: ProviderRequestBudget } = {};
  let vendorCalls = 0;
  const provider = fakeProvider(() => snapshot());
  const answer = provider.getOnCall.bind(provider);
  provider.getOnCall = async request => {
    // What the vendor's ProviderHttpClient does: every request waits for its turn in the budget.
    const release = await vendor.budget?.acquire(request.signal);
    vendorCalls += 1;
    release?.();
    return answer(request);
  };
  const entities = ['a', 'b', 'c'].map(name =>
    serviceEntity(name, {
      'fake/oncall': name,
      // Listed by the refresher's catalog query, which asks for the on-call annotations.
      'pagerduty.com/service-id': name.toUpperCase(),
    }),
  );
  const catalog = catalogServiceMock({ entities });
  const serviceLogger = mockServices.logger.mock();
  const logger = mockServices.logger.mock();
  const service = onCallServiceFor({
    providers: [provider],
    store,
    catalog,
    logger: serviceLogger,
    now: () => NOW,
  });
  const refresher = new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    logger,
    service,
    store,
    builtIn: new ScheduleAsCodeProvider({
      repository: new ScheduleRepository({
        files: [],
        logger: mockServices.logger.mock(),
      }),
    }),
    now: () => NOW,
  });
  await refresher.run();
  expect(vendorCalls).toBe(3);

  // One request a minute on a clock that stands still: one service is refreshed, two are refused.
  vendor.budget = new ProviderRequestBudget({
    provider: 'PagerDuty',
    requestsPerMinute: 1,
    maxWaitMs: 0,
    now: () => NOW.getTime(),
  });
  vendorCalls = 0;
  logger.warn.mockClear();
  await expect(refresher.run()).resolves.toMatchObject({
    refreshed: 1,
    failed: 2,
    removed: 0,
  });
  expect(vendorCalls).toBe(1);
  expect(logger.warn).toHaveBeenCalledTimes(1);
  expect(logger.warn).toHaveBeenCalledWith(
    'On-call refresh: budget of 1 requests/min for PagerDuty reached; 1 of 3 services refreshed, ' +
      'rest keep their last data, stale since 2026-11-20T12:00:00.000Z (2 refused by the budget)',
  );
  expect(serviceLogger.warn).not.toHaveBeenCalled();
  const latest = await store.getLatest(
    entities.map(e => `component:default/${e.metadata.name}`),
  );
  const refused = [...latest.values()].filter(row => row.error);
  expect(refused).toHaveLength(2);
  for (const row of refused) {
    expect(row.snapshot).toEqual(snapshot());
    expect(row.error).toMatch(/PagerDuty budget of 1 requests\/min reached/);
  }
});

it('stretches a run up to its cycle, then skips what the budget has no room for and starts there next time', async () => {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const store = new KnexOnCallStore({ knex: db });
  let clock = NOW.getTime();
  const newBudget = () =>
    new ProviderRequestBudget({
      provider: 'PagerDuty',
      requestsPerMinute: 6,
      maxWaitMs: 60_000,
      now: () => clock,
      // Waiting moves the clock: a turn every 10 s.
      sleep: async ms => {
        clock += ms;
      },
    });
  let budget = newBudget();
  const served: string[] = [];
  const provider = fakeProvider(() => snapshot());
  const answer = provider.getOnCall.bind(provider);
  provider.getOnCall = async request => {
    const release = await budget.acquire(request.signal);
    served.push(request.entity.metadata.name);
    release();
    return answer(request);
  };
  const entities = ['a', 'b', 'c', 'd', 'e', 'f'].map(name =>
    serviceEntity(name, {
      'fake/oncall': name,
      'pagerduty.com/service-id': name.toUpperCase(),
    }),
  );
  const catalog = catalogServiceMock({ entities });
  const logger = mockServices.logger.mock();
  const service = onCallServiceFor({
    providers: [provider],
    store,
    catalog,
    now: () => NOW,
    timeoutMs: 60_000,
  });
  const refresher = new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    logger,
    service,
    store,
    builtIn: new ScheduleAsCodeProvider({
      repository: new ScheduleRepository({
        files: [],
        logger: mockServices.logger.mock(),
      }),
    }),
    now: () => NOW,
    cycleMs: 25_000,
  });
  // The cycle's end is measured on the real clock; the budget's turns on the test clock, which starts there.
  clock = Date.now();
  const first = await refresher.run();
  // Turns at +0 s, +10 s and +20 s fit in the 25 s cycle; the rest are refused at once instead of waiting.
  expect(served).toEqual(['a', 'b', 'c']);
  expect(first).toMatchObject({ refreshed: 3, failed: 3 });
  expect(logger.warn).toHaveBeenCalledWith(
    expect.stringMatching(
      /^On-call refresh: budget of 6 requests\/min for PagerDuty reached; 3 of 6 services refreshed, rest keep their last data, 3 without earlier data/,
    ),
  );

  served.length = 0;
  budget = newBudget();
  clock = Date.now();
  await refresher.run();
  // The next run starts with the services the last one had no room for.
  expect(served).toEqual(['d', 'e', 'f']);
});
