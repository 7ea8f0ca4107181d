import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReliabilityContext } from '../context';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  fakeProvider,
  serviceEntity,
  snapshot,
} from './__testUtils__/onCallFixtures';
import { createOnCallFeature } from './createOnCallFeature';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00.000Z');
const FILE = `
schedules:
  - id: checkout-primary
    name: Checkout primary
    timeZone: Europe/Berlin
    layers:
      - { name: Daily, members: [ana@example.com, bo@example.com], rotation: daily, start: '2026-11-01' }
`;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-feature-'));
  await fs.writeFile(path.join(dir, 'oncall.yaml'), FILE);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function createContext() {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const scheduler = mockServices.scheduler.mock();
  const module = fakeProvider(() => snapshot({ provider: 'fake' }));
  const onCallProviders = Object.freeze([module]);
  const ctx = {
    logger: mockServices.logger.mock(),
    config: mockServices.rootConfig({
      data: {
        reliability: {
          onCall: {
            scheduleFiles: [path.join(dir, 'oncall.yaml')],
            refreshInterval: { minutes: 10 },
          },
        },
      },
    }),
    knex,
    auth: mockServices.auth(),
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo(),
    permissions: mockServices.permissions(),
    catalog: catalogServiceMock({
      entities: [
        serviceEntity('checkout', {
          'reliability.sre-portal.dev/oncall-schedule': 'checkout-primary',
        }),
        // Annotated for both: the module's provider comes before the built-in one.
        serviceEntity('ledger', {
          'fake/oncall': 'ledger',
          'reliability.sre-portal.dev/oncall-schedule': 'checkout-primary',
        }),
      ],
    }),
    scheduler,
    urlReader: mockServices.urlReader.mock(),
    sliProviders: [],
    onCallProviders,
    now: () => NOW,
  } as unknown as ReliabilityContext;
  return { ctx, scheduler, onCallProviders };
}

describe('createOnCallFeature', () => {
  it('schedules a global refresher and a local schedule-file reload, without touching the context', async () => {
    const { ctx, scheduler, onCallProviders } = await createContext();
    const feature = await createOnCallFeature(ctx);

    expect(feature.name).toBe('oncall');
    expect(ctx.onCallProviders).toBe(onCallProviders);
    expect(ctx.onCallProviders).toHaveLength(1);
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(2);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-oncall-refresh',
        scope: 'global',
        frequency: { minutes: 10 },
      }),
    );
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-oncall-schedule-files',
        scope: 'local',
        frequency: { seconds: 60 },
      }),
    );
  });

  it('fills the summaries from the scheduled refresh, module providers first', async () => {
    const { ctx, scheduler } = await createContext();
    const feature = await createOnCallFeature(ctx);
    const refresh = scheduler.scheduleTask.mock.calls
      .map(([task]) => task)
      .find(task => task.id === 'reliability-oncall-refresh')!;

    const refs = ['component:default/checkout', 'component:default/ledger'];
    expect((await feature.summaries.getSummaries(refs)).size).toBe(0);
    await refresh.fn(new AbortController().signal);

    const summaries = await feature.summaries.getSummaries(refs);
    expect(summaries.get('component:default/checkout')).toEqual(
      expect.objectContaining({
        provider: 'schedule-as-code',
        primary: { name: 'bo', email: 'bo@example.com' },
        peopleInRotation: 2,
        error: null,
      }),
    );
    expect(summaries.get('component:default/ledger')).toEqual(
      expect.objectContaining({
        provider: 'fake',
        primary: expect.objectContaining({ name: 'ana' }),
      }),
    );
  });
});
