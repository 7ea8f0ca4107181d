import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../database/migrateDatabase';
import { OnCallRefresher } from './OnCallRefresher';
import { OnCallService } from './OnCallService';
import { KnexOnCallStore } from './OnCallStore';
import { PeopleResolver } from './PeopleResolver';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';
import { serviceEntity, snapshot } from './testFixtures';

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
  const store = new KnexOnCallStore(db);
  await store.saveSnapshot('component:default/gone', snapshot(), NOW);
  const repository = new ScheduleRepository({
    files: ['oncall.yaml'],
    logger: mockServices.logger.mock(),
    baseDir: dir,
  });
  await repository.reload();
  const builtIn = new ScheduleAsCodeProvider(repository);
  const catalog = catalogServiceMock({
    entities: [serviceEntity('checkout'), serviceEntity('docs', {})],
  });
  const service = new OnCallService({
    providers: [builtIn],
    store,
    people: new PeopleResolver(
      catalog,
      mockServices.auth(),
      mockServices.logger.mock(),
    ),
    logger: mockServices.logger.mock(),
    now: () => NOW,
    cacheTtlMs: 60_000,
    horizonDays: 7,
    timeoutMs: 1000,
  });
  const refresher = new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    scheduler: mockServices.scheduler.mock(),
    logger: mockServices.logger.mock(),
    service,
    store,
    builtIn,
    now: () => NOW,
    frequency: { minutes: 5 },
  });
  await refresher.refreshAll();

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
