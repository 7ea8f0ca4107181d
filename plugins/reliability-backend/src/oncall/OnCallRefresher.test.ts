import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../database/migrateDatabase';
import { OnCallRefresher } from './OnCallRefresher';
import { OnCallService } from './OnCallService';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import { PeopleResolver } from './PeopleResolver';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';
import { serviceEntity, snapshot } from './__testUtils__/onCallFixtures';

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
  await store.saveSnapshot('component:default/gone', snapshot(), NOW);
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
  const service = new OnCallService({
    providers: [builtIn],
    store,
    catalog,
    people: new PeopleResolver({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    logger: mockServices.logger.mock(),
    now: () => NOW,
    cacheTtlMs: 60_000,
    horizonDays: 7,
    timeoutMs: 1000,
    groupViewMaxAgeMs: 600_000,
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

  expect(await store.listLatestEntityRefs()).toEqual([
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
  await store.saveSnapshot('component:default/gone', snapshot(), NOW);
  const repository = new ScheduleRepository({
    files: [],
    logger: mockServices.logger.mock(),
  });
  const builtIn = new ScheduleAsCodeProvider({ repository });
  const catalog = catalogServiceMock({ entities: [serviceEntity('checkout')] });
  const service = new OnCallService({
    providers: [builtIn],
    store,
    catalog,
    people: new PeopleResolver({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    logger: mockServices.logger.mock(),
    now: () => NOW,
    cacheTtlMs: 60_000,
    horizonDays: 7,
    timeoutMs: 1000,
    groupViewMaxAgeMs: 600_000,
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
  expect(await store.listLatestEntityRefs()).toEqual([
    'component:default/gone',
  ]);
});
