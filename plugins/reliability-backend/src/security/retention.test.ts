import {
  ReliabilityTestBackend,
  startReliabilityBackend,
  WRITE_METHODS,
} from './__testUtils__/testBackend';
import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { KnexOnCallStore } from '../oncall/store/KnexOnCallStore';
import { catalogFactory, serviceEntity } from './__testUtils__/catalogFixtures';
import { listTables } from './__testUtils__/databaseSnapshot';
import { sendAsUser } from './__testUtils__/sendRequest';
import {
  countingSliProvider,
  fixedIncidentProvider,
  fixedOnCallProvider,
  incidentProviderModule,
  onCallProviderModule,
  sliProviderModule,
} from './__testUtils__/testProviders';
import { validWriteBody } from './__testUtils__/validWriteBodies';

const DAY_MS = 24 * 60 * 60 * 1000;
const SLO_RETENTION_DAYS = 30;
/** SLI events are kept separately, at least as long as the longest SLO window (366 days). */
const SLI_EVENT_RETENTION_DAYS = 400;
const CHECKLIST_RETENTION_DAYS = 10;
const INCIDENT_RETENTION_DAYS = 100;
const ALERT_RETENTION_DAYS = 40;

/** A postmortem with an action item, read through each entity's runbooks annotation (action items table). */
const POSTMORTEM = [
  '---',
  'kind: postmortem',
  'incidents: [INC-1042]',
  'actionItems: [{ title: Add a retry budget, due: 2026-12-01 }]',
  '---',
  '# Postmortem',
].join('\n');

/** A service entity whose runbooks annotation names the postmortem. */
function entityWithPostmortem(name: string) {
  const entity = serviceEntity(name);
  entity.metadata.annotations![ANNOTATIONS.runbooks] = './postmortems/pm.md';
  return entity;
}

const CAMPAIGN_RETENTION_DAYS = 20;
const LEARNING_RETENTION_DAYS = 15;
const TRENDS_RETENTION_DAYS = 25;

const GONE = 'component:default/checkout-api';
const KEPT = 'component:default/payments-api';

/** The scheduled tasks of every feature, by id. */
const TASKS = {
  slo: 'reliability-slo-refresh',
  oncall: 'reliability-oncall-refresh',
  runbooks: 'reliability-runbooks-refresh',
  checklist: 'reliability-checklist-refresh',
  policy: 'reliability-policy-refresh',
  incidents: 'reliability-incidents-refresh',
  campaigns: 'reliability-campaigns-refresh',
  alerts: 'reliability-alerts-refresh',
  learning: 'reliability-learning-refresh',
  trends: 'reliability-trends-refresh',
  overview: 'reliability-overview-refresh',
};

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'retention of the features’ scheduled cleanup (%s)',
  databaseId => {
    let knex: Knex;
    let app: ReliabilityTestBackend;
    // Captures each feature's scheduled task function, so the test runs them when it wants.
    const tasks = new Map<string, SchedulerServiceTaskFunction>();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task.fn);
      },
    });
    const catalog = catalogServiceMock({
      entities: [
        entityWithPostmortem('checkout-api'),
        entityWithPostmortem('payments-api'),
      ],
    });
    const urlReader = mockServices.urlReader.mock({
      readUrl: async (url: string) => {
        if (!url.endsWith('/postmortems/pm.md')) {
          throw new NotFoundError(`No such file: ${url}`);
        }
        const buffer = Buffer.from(POSTMORTEM, 'utf8');
        return { buffer: async () => buffer };
      },
    });

    /** Runs a feature's scheduled task function now. */
    async function runTask(id: string) {
      const fn = tasks.get(id);
      if (!fn) throw new Error(`No task ${id} was scheduled`);
      await fn(new AbortController().signal);
    }

    async function runAllTasks() {
      for (const id of Object.values(TASKS)) {
        await runTask(id);
      }
    }

    /** Rows of one entity in every table of the plugin keyed by entity (campaign tables are not). */
    async function rowsOf(entityRef: string): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const table of await listTables(knex)) {
        if (!(await knex.schema.hasColumn(table, 'entity_ref'))) continue;
        const [{ count }] = await knex(table)
          .where({ entity_ref: entityRef })
          .count({ count: '*' });
        counts[table] = Number(count);
      }
      return counts;
    }

    /** Snapshots of an entity older than the SLO retention period. */
    async function agedSnapshotsOf(entityRef: string, now: number) {
      const [{ count }] = await knex('slo_snapshots')
        .where({ entity_ref: entityRef })
        .andWhere(
          'collected_at',
          '<',
          new Date(now - SLO_RETENTION_DAYS * DAY_MS),
        )
        .count({ count: '*' });
      return Number(count);
    }

    async function write(pathSuffix: string, name: string) {
      const route = app.routes.find(
        r => WRITE_METHODS.has(r.method) && r.path.endsWith(pathSuffix),
      )!;
      const res = await sendAsUser(app.server, route, {
        body: validWriteBody(`${route.method} ${route.path}`, new Date()).body,
        params: { name },
      });
      expect([200, 201]).toContain(res.status);
    }

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      app = await startReliabilityBackend([
        mockServices.database.factory({ knex }),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            reliability: {
              slo: {
                retention: {
                  days: SLO_RETENTION_DAYS,
                  sliEventsDays: SLI_EVENT_RETENTION_DAYS,
                },
              },
              checklist: { retentionDays: CHECKLIST_RETENTION_DAYS },
              campaigns: { retentionDays: CAMPAIGN_RETENTION_DAYS },
              incidents: { retention: { days: INCIDENT_RETENTION_DAYS } },
              alerts: { retention: { days: ALERT_RETENTION_DAYS } },
              learning: { retentionDays: LEARNING_RETENTION_DAYS },
              trends: { retentionDays: TRENDS_RETENTION_DAYS },
            },
          },
        }),
        catalogFactory(catalog),
        urlReader.factory,
        incidentProviderModule(
          'retention-test-incidents',
          fixedIncidentProvider(),
        ),
        sliProviderModule('retention-test-sli', countingSliProvider()),
        onCallProviderModule('retention-test-oncall', fixedOnCallProvider()),
      ]);
    }, 60_000);

    afterAll(async () => {
      await app?.backend.stop();
    });

    it('fills every table of the plugin for both entities', async () => {
      for (const name of ['checkout-api', 'payments-api']) {
        await write('/sli-events', name);
        await write('/maturity/assessments', name);
        await write('/maturity/draft', name);
        await write('/maturity/exemptions', name);
        await write('/deploy-gate/overrides', name);
        await write('/incidents', name);
        await write('/alerts', name);
      }
      await runAllTasks();
      // The deploy gate records its answers (after the policy refresh evaluated the SLOs).
      for (const name of ['checkout-api', 'payments-api']) {
        const res = await sendAsUser(
          app.server,
          {
            method: 'GET',
            path: '/entities/:kind/:namespace/:name/deploy-gate',
          },
          { params: { name } },
        );
        expect(res.status).toBe(200);
      }

      for (const ref of [GONE, KEPT]) {
        const rows = await rowsOf(ref);
        const empty = Object.entries(rows)
          .filter(
            ([table, n]) => n === 0 && table !== 'checklist_missing_entities',
          )
          .map(([table]) => table);
        expect(empty).toEqual([]);
      }
    });

    it('deletes SLO, on-call, runbook and incident data of an entity gone from the catalog, and data past its age', async () => {
      const now = Date.now();
      // Data older than the retention periods, of an entity still in the catalog.
      const [snapshot] = await knex('slo_snapshots')
        .where({ entity_ref: KEPT })
        .select();
      const { id: _id, ...oldSnapshot } = snapshot;
      await knex('slo_snapshots').insert({
        ...oldSnapshot,
        collected_at: new Date(now - (SLO_RETENTION_DAYS + 1) * DAY_MS),
      });
      await knex('slo_sli_events').insert({
        entity_ref: KEPT,
        sli_name: 'checkout-requests',
        interval_start: new Date(now - (SLI_EVENT_RETENTION_DAYS + 2) * DAY_MS),
        interval_end: new Date(now - (SLI_EVENT_RETENTION_DAYS + 1) * DAY_MS),
        good: 1,
        total: 1,
      });
      await new KnexOnCallStore({ knex }).recordShiftHistory(
        [
          {
            entityRef: KEPT,
            shifts: [
              {
                person: { name: 'Former on-call', email: 'former@example.com' },
                escalationLevel: 1,
                start: new Date(now - 101 * DAY_MS).toISOString(),
                end: new Date(now - 100 * DAY_MS).toISOString(),
              },
            ],
          },
        ],
        new Date(now),
      );
      await knex('incidents').insert({
        entity_ref: KEPT,
        source: 'embedded',
        external_id: 'INC-OLD',
        title: 'An incident past the retention period',
        severity: 'sev3',
        status: 'resolved',
        started_at: new Date(now - (INCIDENT_RETENTION_DAYS + 1) * DAY_MS),
        resolved_at: new Date(now - INCIDENT_RETENTION_DAYS * DAY_MS),
        updated_at: new Date(now),
      });
      await knex('alert_firings').insert({
        source: 'embedded',
        alert_id: 'checkout/HighErrorRate',
        entity_ref: KEPT,
        started_at: new Date(now - (ALERT_RETENTION_DAYS + 1) * DAY_MS),
        resolved_at: new Date(now - ALERT_RETENTION_DAYS * DAY_MS),
      });
      const keptBefore = await rowsOf(KEPT);
      expect(await agedSnapshotsOf(KEPT, now)).toBe(1);

      await catalog.removeEntityByUid('uid-checkout-api');
      await runAllTasks();

      const gone = await rowsOf(GONE);
      for (const table of [
        'slo_snapshots',
        'slo_latest',
        'slo_entities',
        'slo_sli_events',
        'oncall_latest',
        'oncall_shifts',
        'runbooks_index',
        'runbooks_latest',
        'policy_states',
        'policy_state_changes',
        'deploy_gate_answers',
        'deploy_gate_overrides',
        'incidents',
        'incident_syncs',
        'incident_action_items',
        'incident_summaries',
        'alert_inventory',
        'alert_firings',
        'alert_summaries',
        'overview_services',
      ]) {
        expect({ table, rows: gone[table] }).toEqual({ table, rows: 0 });
      }
      // The checklist keeps the history of a missing entity for its retention period.
      expect(gone.checklist_assessments).toBe(1);
      expect(gone.checklist_missing_entities).toBe(1);

      const kept = await rowsOf(KEPT);
      // The aged rows went; the one new collection added a snapshot; nothing else of the entity was touched.
      expect(kept.slo_snapshots).toBe(keptBefore.slo_snapshots);
      expect(await agedSnapshotsOf(KEPT, now)).toBe(0);
      expect(kept.slo_sli_events).toBe(keptBefore.slo_sli_events - 1);
      expect(kept.oncall_shifts).toBe(keptBefore.oncall_shifts - 1);
      expect(kept.incidents).toBe(keptBefore.incidents - 1);
      expect(kept.alert_firings).toBe(keptBefore.alert_firings - 1);
      for (const table of [
        'slo_latest',
        'oncall_latest',
        'runbooks_index',
        'incident_syncs',
        'incident_action_items',
        'incident_summaries',
        'alert_inventory',
        'alert_summaries',
        'overview_services',
      ]) {
        expect({ table, rows: kept[table] }).toEqual({
          table,
          rows: keptBefore[table],
        });
      }
      expect(kept.checklist_assessments).toBe(1);
    });

    it('deletes the checklist history of an entity gone for longer than the checklist retention', async () => {
      // As if the entity had been missing for longer than the retention period.
      await knex('checklist_missing_entities')
        .where({ entity_ref: GONE })
        .update({
          missing_since: new Date(
            Date.now() - (CHECKLIST_RETENTION_DAYS + 1) * DAY_MS,
          ),
        });
      await runTask(TASKS.checklist);

      const gone = await rowsOf(GONE);
      expect(gone).toEqual(
        Object.fromEntries(Object.keys(gone).map(table => [table, 0])),
      );
      const kept = await rowsOf(KEPT);
      expect(kept.checklist_assessments).toBe(1);
      expect(kept.checklist_drafts).toBe(1);
    });

    it('deletes campaign snapshots past the campaigns retention and keeps the rest', async () => {
      const route = app.routes.find(
        r => r.method === 'PUT' && r.path === '/campaigns/:id',
      )!;
      const res = await sendAsUser(app.server, route, {
        body: validWriteBody('PUT /campaigns/:id', new Date()).body,
        params: { id: 'retention-drive' },
      });
      expect(res.status).toBe(201);
      await runTask(TASKS.campaigns);
      const today = new Date().toISOString().slice(0, 10);
      const aged = new Date(Date.now() - (CAMPAIGN_RETENTION_DAYS + 1) * DAY_MS)
        .toISOString()
        .slice(0, 10);
      await knex('campaign_snapshots').insert({
        campaign_id: 'retention-drive',
        day: aged,
        services: 1,
        done: 0,
        teams: '[]',
        recorded_at: new Date(),
      });
      const days = async () =>
        (
          await knex('campaign_snapshots')
            .where({ campaign_id: 'retention-drive' })
            .orderBy('day')
            .select('day')
        ).map((r: { day: string }) => r.day);
      expect(await days()).toEqual([aged, today]);

      await runTask(TASKS.campaigns);
      expect(await days()).toEqual([today]);
    });

    it('deletes learning progress of a group and user gone from the catalog once past the learning retention', async () => {
      const now = Date.now();
      const row = {
        user_ref: 'user:default/former',
        group_ref: 'group:default/former-team',
      };
      await knex('learning_progress').insert([
        {
          ...row,
          item_id: 'aged',
          done_at: new Date(now - (LEARNING_RETENTION_DAYS + 1) * DAY_MS),
        },
        { ...row, item_id: 'young', done_at: new Date(now - DAY_MS) },
      ]);
      await runTask(TASKS.learning);
      const items = await knex('learning_progress')
        .where(row)
        .select('item_id');
      expect(items.map((r: { item_id: string }) => r.item_id)).toEqual([
        'young',
      ]);
    });

    it('deletes trend snapshots past the trends retention and keeps the rest', async () => {
      await runTask(TASKS.trends);
      const today = new Date().toISOString().slice(0, 10);
      const aged = new Date(Date.now() - (TRENDS_RETENTION_DAYS + 1) * DAY_MS)
        .toISOString()
        .slice(0, 10);
      await knex('trend_maturity_snapshots').insert({
        day: aged,
        scope: 'org',
        scope_ref: 'org',
        score: 10,
        level: 'none',
        service_count: 2,
        scored_count: 1,
        demo: false,
        recorded_at: new Date(),
      });
      await knex('trend_slo_snapshots').insert({
        day: aged,
        team_ref: 'org',
        slo_window: '28d rolling',
        slo_count: 1,
        measured_count: 1,
        met_count: 1,
        demo: false,
        recorded_at: new Date(),
      });
      const days = async (table: string) => [
        ...new Set(
          (await knex(table).orderBy('day').select('day')).map(
            (r: { day: string }) => r.day,
          ),
        ),
      ];
      expect(await days('trend_maturity_snapshots')).toEqual([aged, today]);

      await runTask(TASKS.trends);
      expect(await days('trend_maturity_snapshots')).toEqual([today]);
      expect(await days('trend_slo_snapshots')).not.toContain(aged);
    });
  },
);
