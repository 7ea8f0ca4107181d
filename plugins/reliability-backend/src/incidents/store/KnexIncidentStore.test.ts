import { TestDatabases } from '@backstage/backend-test-utils';
import { ActionItemView } from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { daysAgo, incident, NOW } from '../__testUtils__/incidentFixtures';
import { KnexIncidentStore } from './KnexIncidentStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexIncidentStore({ knex }) };
}

const checkout = 'component:default/checkout-api';
const payments = 'component:default/payments';

function actionItem(overrides: Partial<ActionItemView> = {}): ActionItemView {
  return {
    postmortemId: 'pm-1',
    postmortemTitle: 'Postmortem 1',
    title: 'Add a retry budget',
    owner: 'group:default/checkout-payments',
    due: '2026-12-01',
    status: 'open',
    issue: 'https://issues.example.com/1',
    overdue: false,
    ...overrides,
  };
}

describe('KnexIncidentStore', () => {
  it.each(databases.eachSupportedId())(
    'creates and updates incidents by source and id, and lists them newest first, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(
        await store.upsertIncidents(
          checkout,
          [
            incident('INC-1', { startedDaysAgo: 10 }),
            incident('INC-2', {
              startedDaysAgo: 2,
              status: 'triggered',
              acknowledgedAt: null,
              resolvedAt: null,
              url: null,
            }),
            // The same id from another source is another incident.
            incident('INC-1', { source: 'pagerduty', startedDaysAgo: 1 }),
          ],
          NOW,
        ),
      ).toBe(3);
      await store.upsertIncidents(payments, [incident('INC-9')], NOW);

      // A second write of the same id updates it (idempotent retries, status changes).
      const resolved = incident('INC-2', {
        startedDaysAgo: 2,
        title: 'Checkout errors (resolved)',
        severity: 'sev1',
      });
      await store.upsertIncidents(checkout, [resolved], NOW);

      const listed = await store.listIncidents(checkout, new Date(daysAgo(90)));
      expect(listed.map(i => `${i.source}:${i.id}`)).toEqual([
        'pagerduty:INC-1',
        'embedded:INC-2',
        'embedded:INC-1',
      ]);
      expect(listed[1]).toEqual(resolved);
      expect(
        await store.listIncidents(checkout, new Date(daysAgo(5))),
      ).toHaveLength(2);
      expect(await store.listSources(checkout)).toEqual([
        'embedded',
        'pagerduty',
      ]);
      expect(
        await store.findIncidentIds(checkout, ['inc-1', 'INC-2', 'INC-9', 'x']),
      ).toEqual(new Set(['inc-1', 'inc-2']));
    },
  );

  it.each(databases.eachSupportedId())(
    'finds the earliest open incident of a source and records provider reads, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.upsertIncidents(
        checkout,
        [
          incident('A', { source: 'pagerduty', startedDaysAgo: 20 }),
          incident('B', {
            source: 'pagerduty',
            startedDaysAgo: 12,
            status: 'acknowledged',
            resolvedAt: null,
          }),
          incident('C', {
            source: 'pagerduty',
            startedDaysAgo: 4,
            status: 'triggered',
            acknowledgedAt: null,
            resolvedAt: null,
          }),
        ],
        NOW,
      );
      expect(
        (await store.earliestOpenStart(checkout, 'pagerduty'))?.toISOString(),
      ).toBe(daysAgo(12));
      expect(await store.earliestOpenStart(checkout, 'opsgenie')).toBeNull();

      const first = new Date(daysAgo(1));
      await store.recordSync(checkout, 'pagerduty', { at: first, error: null });
      await store.recordSync(checkout, 'pagerduty', {
        at: NOW,
        error: 'PagerDuty answered HTTP 503',
      });
      await store.recordSync(checkout, 'opsgenie', {
        at: NOW,
        error: 'Opsgenie provider not configured',
      });
      expect(await store.listSyncs(checkout)).toEqual([
        {
          source: 'opsgenie',
          syncedAt: null,
          checkedAt: NOW,
          error: 'Opsgenie provider not configured',
        },
        {
          source: 'pagerduty',
          syncedAt: first,
          checkedAt: NOW,
          error: 'PagerDuty answered HTTP 503',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces summaries with their action items and reads them in one query per batch, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const summary = {
        entityRef: checkout,
        incidents: 4,
        openIncidents: 1,
        postmortemsDue: 1,
        postmortemsOverdue: 2,
        openActionItems: 3,
        overdueActionItems: 1,
        acknowledged: 3,
        mttaSeconds: 437.5,
        acknowledgeTargetSeconds: 900,
        acknowledgeTargetSetBy: null,
        acknowledgeTargetProblem:
          "group:default/payments sets reliability.sre-portal.dev/acknowledge-target to 'soon', not a duration",
        updatedAt: NOW.toISOString(),
      };
      await store.replaceSummary(summary, [
        actionItem(),
        actionItem({ title: 'Page on queue depth', overdue: true }),
        actionItem({ postmortemId: 'pm-2', status: 'done', issue: null }),
      ]);
      await store.replaceSummary(summary, [
        actionItem({ title: 'Only this one now', owner: null, due: null }),
      ]);
      expect(await store.listActionItems(checkout)).toEqual([
        actionItem({ title: 'Only this one now', owner: null, due: null }),
      ]);
      const summaries = await store.getSummaries([checkout, payments]);
      expect([...summaries.keys()]).toEqual([checkout]);
      expect(summaries.get(checkout)).toEqual(summary);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the entities it holds and deletes by entity and by age, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.upsertIncidents(
        checkout,
        [incident('old', { startedDaysAgo: 500 }), incident('new')],
        NOW,
      );
      await store.recordSync(payments, 'pagerduty', { at: NOW, error: null });
      await store.replaceSummary(
        {
          entityRef: payments,
          incidents: 0,
          openIncidents: 0,
          postmortemsDue: 0,
          postmortemsOverdue: 0,
          openActionItems: 1,
          overdueActionItems: 0,
          acknowledged: 0,
          mttaSeconds: null,
          acknowledgeTargetSeconds: 900,
          updatedAt: NOW.toISOString(),
        },
        [actionItem()],
      );
      expect(await store.listEntityRefs()).toEqual([checkout, payments]);
      expect(await store.listEntitiesWithIncidents()).toEqual([checkout]);

      expect(
        await store.deleteIncidentsStartedBefore(new Date(daysAgo(400))),
      ).toBe(1);
      expect(
        (await store.listIncidents(checkout, new Date(0))).map(i => i.id),
      ).toEqual(['new']);

      await store.deleteSummaries([payments]);
      expect(await store.listEntityRefs()).toEqual([checkout]);
      await store.upsertIncidents(payments, [incident('p')], NOW);
      await store.deleteEntities([checkout, payments]);
      expect(await store.listEntityRefs()).toEqual([]);
      for (const table of [
        'incidents',
        'incident_syncs',
        'incident_action_items',
        'incident_summaries',
      ]) {
        const [{ count }] = await knex(table).count({ count: '*' });
        expect({ table, count: Number(count) }).toEqual({ table, count: 0 });
      }
    },
  );
});
