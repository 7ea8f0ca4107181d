import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OnCallProvider } from '@internal/backstage-plugin-reliability-node';
import { Knex } from 'knex';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../database/migrateDatabase';
import { OnCallRefresher } from './OnCallRefresher';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';
import { rowsPerStatement } from '../shared/bindParameters';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import { serviceEntity, shift, snapshot } from './__testUtils__/onCallFixtures';
import { onCallServiceFor } from './__testUtils__/onCallServiceFor';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const NOW = new Date('2026-11-20T12:00:00.000Z');
const SCHEDULES = `schedules:
  - id: checkout-primary
    name: Checkout primary
    timeZone: Europe/Berlin
    layers:
      - { name: Daily, members: [ana@example.com, bo@example.com], rotation: daily, start: '2026-06-01' }
`;

let scheduleDir: string;
beforeAll(async () => {
  scheduleDir = await fs.mkdtemp(path.join(os.tmpdir(), 'oncall-queries-'));
  await fs.writeFile(path.join(scheduleDir, 'oncall.yaml'), SCHEDULES);
});
afterAll(() => fs.rm(scheduleDir, { recursive: true, force: true }));

/**
 * A page of services: every fourth one uses the schedules as code, the others a vendor that, in the run
 * counted, fails for every tenth service and reports a handover (cy took over from ana) for some others.
 */
function services(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 0
      ? serviceEntity(`svc-${i}`, {
          'reliability.sre-portal.dev/oncall-schedule': 'checkout-primary',
        })
      : serviceEntity(`svc-${i}`, {
          'fake/oncall': `svc-${i}`,
          'pagerduty.com/service-id': `P${i}`,
        }),
  );
}

function vendor(phase: { counted: boolean }): OnCallProvider {
  return {
    id: 'fake',
    supports: entity => Boolean(entity.metadata.annotations?.['fake/oncall']),
    async getOnCall({ entity }) {
      const i = Number(entity.metadata.name.slice('svc-'.length));
      if (!phase.counted) return snapshot();
      if (i % 10 === 1) throw new Error('PagerDuty answered HTTP 503');
      if (i % 4 === 2) {
        return snapshot({
          current: [
            shift(
              'cy',
              1,
              '2026-11-20T11:00:00.000Z',
              '2026-11-21T08:00:00.000Z',
            ),
          ],
        });
      }
      return snapshot();
    },
  };
}

async function refresherFor(
  db: Knex,
  entities: Entity[],
  provider: OnCallProvider,
) {
  const repository = new ScheduleRepository({
    files: ['oncall.yaml'],
    logger: mockServices.logger.mock(),
    baseDir: scheduleDir,
  });
  await repository.reload();
  const builtIn = new ScheduleAsCodeProvider({ repository });
  const catalog = catalogServiceMock({ entities });
  const store = new KnexOnCallStore({ knex: db });
  // A new service each time: nothing cached, the last known data of failures comes from the database.
  const service = onCallServiceFor({
    providers: [provider, builtIn],
    store,
    catalog,
    now: () => NOW,
  });
  return new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    service,
    store,
    builtIn,
    now: () => NOW,
  });
}

/** Queries of the next run after the first (which filled the shift history) over one page of `count` services. */
async function queriesOfNextRun(databaseId: string, count: number) {
  const db = await databases.init(databaseId as any);
  await migrateDatabase(db);
  const entities = services(count);
  const phase = { counted: false };
  await (await refresherFor(db, entities, vendor(phase))).run();
  phase.counted = true;
  const refresher = await refresherFor(db, entities, vendor(phase));
  const queries = { inserts: 0, others: 0 };
  const countQuery = (query: { sql?: string }) => {
    if (/^\s*insert/i.test(query.sql ?? '')) queries.inserts += 1;
    else queries.others += 1;
  };
  db.on('query', countQuery);
  const result = await refresher.run();
  db.off('query', countQuery);
  return { result, queries, db };
}

describe.each(databases.eachSupportedId())(
  'OnCallRefresher queries (%s)',
  databaseId => {
    it('stores a page of 200 services in as many queries as a page of 50, but for the chunks of its multi-row statements', async () => {
      const small = await queriesOfNextRun(databaseId, 50);
      const large = await queriesOfNextRun(databaseId, 200);
      expect(small.result).toEqual({
        refreshed: 45,
        failed: 5,
        removed: 0,
        prunedShifts: 0,
      });
      expect(large.result).toMatchObject({ refreshed: 180, failed: 20 });
      // One read of the last known snapshots of the failures, begin, one read of the open shifts, commit, one
      // read of which entities have shift history, then retention: list, prune, distinct (per-service writes
      // were about 1,000 queries for 200 services).
      expect(small.queries.others).toBe(8);
      expect(large.queries.others).toBe(small.queries.others);
      // Upserts of snapshots, errors and shifts (started, and closed by a handover), chunked to the bind-parameter
      // budget: oncall_latest rows have 6 columns, oncall_shifts rows 8.
      expect(small.queries.inserts).toBe(3);
      // 180 snapshots, 20 errors, 180 started + 50 closed shifts.
      expect(large.queries.inserts).toBe(
        Math.ceil(180 / rowsPerStatement(6)) +
          1 +
          Math.ceil(230 / rowsPerStatement(8)),
      );

      // The rows are what per-service storage wrote: a failure keeps the last good snapshot, a handover
      // closes the shift of the person no longer on call.
      const latest = await new KnexOnCallStore({ knex: large.db }).getLatest([
        'component:default/svc-1',
        'component:default/svc-2',
      ]);
      expect(latest.get('component:default/svc-1')).toMatchObject({
        error: 'PagerDuty answered HTTP 503',
        snapshot: snapshot(),
      });
      const shifts = await new KnexOnCallStore({ knex: large.db }).getShifts(
        ['component:default/svc-2'],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(shifts.map(s => [s.person.name, s.end.toISOString()])).toEqual([
        ['ana', NOW.toISOString()],
        ['cy', '2026-11-21T08:00:00.000Z'],
      ]);
    });

    it('fills the shift history of a page of schedule-as-code services 50 at a time', async () => {
      const db = await databases.init(databaseId as any);
      await migrateDatabase(db);
      const entities = Array.from({ length: 120 }, (_, i) =>
        serviceEntity(`sac-${i}`, {
          'reliability.sre-portal.dev/oncall-schedule': 'checkout-primary',
        }),
      );
      const recordShiftHistory = jest.spyOn(
        KnexOnCallStore.prototype,
        'recordShiftHistory',
      );
      try {
        await (
          await refresherFor(db, entities, vendor({ counted: false }))
        ).run();
        expect(
          recordShiftHistory.mock.calls.map(([history]) => history.length),
        ).toEqual([50, 50, 20]);
      } finally {
        recordShiftHistory.mockRestore();
      }
      const shifts = await new KnexOnCallStore({ knex: db }).getShifts(
        entities.map(e => `component:default/${e.metadata.name}`),
        new Date('2026-09-01'),
        NOW,
      );
      // 90 days of daily shifts for each of the 120 services.
      expect(new Set(shifts.map(s => s.entityRef)).size).toBe(120);
    });
  },
);
