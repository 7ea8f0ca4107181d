import { TestDatabases } from '@backstage/backend-test-utils';
import { AlertSummary } from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { hoursAgo, NOW, sourceAlert } from '../__testUtils__/alertFixtures';
import { NO_ENTITY } from './AlertStore';
import { KnexAlertStore } from './KnexAlertStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexAlertStore({ knex }) };
}

const checkout = 'component:default/checkout-api';
const ordersDb = 'resource:default/orders-db';

function summary(
  entityRef: string,
  overrides: Partial<AlertSummary> = {},
): AlertSummary {
  return {
    entityRef,
    ownerRef: 'group:default/checkout-payments',
    alerts: 3,
    pagingAlerts: 2,
    pagingWithRunbook: 1,
    firing: 1,
    noisy: 1,
    fired: 12,
    sloBasedPaging: 1,
    stale: false,
    gap: null,
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

describe('KnexAlertStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps embedded alerts per entity by id, replaces on request and checks firing targets, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const lag = sourceAlert('pg/ReplicationLag', {
        labels: { team: 'orders' },
        runbookUrl: 'https://wiki.example.com/lag',
        description: 'Replica behind',
        url: 'https://prometheus.example.com/alerts',
        query: 'pg_lag > 30',
        severity: 'critical',
      });
      await store.upsertEntityAlerts(
        ordersDb,
        'embedded',
        [lag, sourceAlert('pg/Disk')],
        {
          at: NOW,
          replace: false,
        },
      );
      // The same id for another entity is another alert.
      await store.upsertEntityAlerts(
        checkout,
        'embedded',
        [sourceAlert('pg/Disk')],
        {
          at: NOW,
          replace: false,
        },
      );
      const updated = { ...lag, state: 'firing' as const, pages: false };
      await store.upsertEntityAlerts(ordersDb, 'embedded', [updated], {
        at: NOW,
        replace: false,
      });
      const listed = await store.listAlerts([ordersDb]);
      expect(listed.map(a => a.id)).toEqual(['pg/Disk', 'pg/ReplicationLag']);
      expect(listed[1]).toEqual({
        ...updated,
        source: 'embedded',
        entityRef: ordersDb,
        updatedAt: NOW,
      });
      expect(
        await store.findAlertIds(ordersDb, 'embedded', ['pg/Disk', 'pg/Other']),
      ).toEqual(new Set(['pg/Disk']));

      await store.upsertFirings({ source: 'embedded', scope: ordersDb }, [
        { alertId: 'pg/Disk', startedAt: hoursAgo(5), resolvedAt: hoursAgo(4) },
      ]);
      expect(
        await store.upsertEntityAlerts(ordersDb, 'embedded', [updated], {
          at: NOW,
          replace: true,
        }),
      ).toEqual({ removed: 1 });
      expect((await store.listAlerts([ordersDb])).map(a => a.id)).toEqual([
        'pg/ReplicationLag',
      ]);
      // The removed alert's firings went with it; the other entity's alert stayed.
      expect(
        await store.listFirings(
          { source: 'embedded', scope: ordersDb },
          ['pg/Disk'],
          new Date(0),
        ),
      ).toEqual(new Map());
      expect((await store.listAlerts([checkout])).map(a => a.id)).toEqual([
        'pg/Disk',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces the inventory of a source and its firings, idempotently, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceSourceAlerts(
        'prometheus',
        [
          { entityRef: checkout, alert: sourceAlert('api/HighErrors') },
          { entityRef: ordersDb, alert: sourceAlert('api/HighErrors') },
          { entityRef: NO_ENTITY, alert: sourceAlert('node/DiskFull') },
        ],
        NOW,
      );
      const firings = [
        {
          alertId: 'api/HighErrors',
          startedAt: hoursAgo(50),
          resolvedAt: hoursAgo(49),
        },
        { alertId: 'api/HighErrors', startedAt: hoursAgo(2), resolvedAt: null },
        {
          alertId: 'node/DiskFull',
          startedAt: hoursAgo(3),
          resolvedAt: hoursAgo(1),
        },
      ];
      await store.replaceSourceFirings(
        'prometheus',
        new Date(hoursAgo(720)),
        firings,
      );
      await store.replaceSourceFirings(
        'prometheus',
        new Date(hoursAgo(720)),
        firings,
      );
      const scope = { source: 'prometheus', scope: NO_ENTITY };
      expect(
        await store.listFirings(
          scope,
          ['api/HighErrors', 'node/DiskFull'],
          new Date(hoursAgo(10)),
        ),
      ).toEqual(
        new Map([
          ['api/HighErrors', [firings[1]]],
          ['node/DiskFull', [firings[2]]],
        ]),
      );
      expect(await store.listOpenFirings(scope)).toEqual([firings[1]]);
      await store.resolveFirings(scope, [firings[1]], new Date(hoursAgo(1)));
      expect(await store.listOpenFirings(scope)).toEqual([]);

      expect((await store.listAlerts([NO_ENTITY])).map(a => a.id)).toEqual([
        'node/DiskFull',
      ]);
      expect(await store.listEntitiesWithAlerts()).toEqual([
        checkout,
        ordersDb,
      ]);

      // The next read no longer has DiskFull: its row and firings go.
      await store.replaceSourceAlerts(
        'prometheus',
        [{ entityRef: checkout, alert: sourceAlert('api/HighErrors') }],
        NOW,
      );
      expect(await store.listAlerts([NO_ENTITY])).toEqual([]);
      expect(
        await store.listFirings(scope, ['node/DiskFull'], new Date(0)),
      ).toEqual(new Map());
      expect(
        await store.deleteFiringsStartedBefore(new Date(hoursAgo(10))),
      ).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records source reads, summaries and deletes entities, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.recordSync('prometheus', {
        at: new Date(hoursAgo(1)),
        error: null,
      });
      await store.recordSync('prometheus', {
        at: NOW,
        error: 'Prometheus unavailable',
      });
      expect(await store.listSyncs()).toEqual([
        {
          source: 'prometheus',
          syncedAt: new Date(hoursAgo(1)),
          checkedAt: NOW,
          error: 'Prometheus unavailable',
        },
      ]);

      const gap = {
        kind: 'unmonitored-resource' as const,
        entityRef: ordersDb,
        message: 'No monitor',
        dependents: [checkout],
      };
      await store.replaceSummaries([
        summary(checkout),
        summary(ordersDb, {
          gap,
          ownerRef: 'group:default/orders',
          stale: true,
        }),
      ]);
      await store.replaceSummaries([summary(checkout, { noisy: 0 })]);
      expect(
        await store.getSummaries([checkout, ordersDb, 'component:default/x']),
      ).toEqual(
        new Map([
          [checkout, summary(checkout, { noisy: 0 })],
          [
            ordersDb,
            summary(ordersDb, {
              gap,
              ownerRef: 'group:default/orders',
              stale: true,
            }),
          ],
        ]),
      );
      expect(
        (await store.listSummariesByOwner('group:default/orders')).map(
          s => s.entityRef,
        ),
      ).toEqual([ordersDb]);

      await store.upsertEntityAlerts(
        checkout,
        'embedded',
        [sourceAlert('a/One')],
        {
          at: NOW,
          replace: false,
        },
      );
      await store.upsertFirings({ source: 'embedded', scope: checkout }, [
        { alertId: 'a/One', startedAt: hoursAgo(2), resolvedAt: null },
      ]);
      expect(await store.listEntityRefs()).toEqual([checkout, ordersDb]);
      await store.deleteSummaries([ordersDb]);
      expect(await store.listEntityRefs()).toEqual([checkout]);
      await store.deleteEntities([checkout]);
      expect(await store.listEntityRefs()).toEqual([]);
      expect(await store.listSummaries()).toEqual([]);
    },
  );
});
