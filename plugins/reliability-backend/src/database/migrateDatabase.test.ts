import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from './migrateDatabase';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const KEY_CHANGE = '20261214100000_slo_sli_events_key_as_primary_key.js';
const MET_LAST_WINDOW = '20261215100000_slo_latest_met_last_window.js';
const POLICY_KEPT = '20261217200000_policy_states_kept.js';
const directory = resolvePackagePath(
  '@internal/backstage-plugin-reliability-backend',
  'migrations',
);

describe('migrateDatabase', () => {
  it.each(databases.eachSupportedId())(
    'migrates up, down to nothing and up again, with the covering index of SLI reads (unique on PostgreSQL) (%p)',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const indexes = async () =>
        knex.client.config.client === 'pg'
          ? (
              await knex.raw(
                "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'slo_sli_events'",
              )
            ).rows.map((r: { name: string }) => r.name)
          : (
              await knex.raw(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'slo_sli_events'",
              )
            ).map((r: { name: string }) => r.name);
      // PostgreSQL: one unique covering index; SQLite (no INCLUDE): the unique index and the covering one.
      const postgres = knex.client.config.client === 'pg';
      const wanted = postgres
        ? ['slo_sli_events_unique_read_idx']
        : ['slo_sli_events_interval_uniq', 'slo_sli_events_read_idx'];
      // PostgreSQL: that index is the primary key (no `id` and no index of its own).
      const unwanted = postgres
        ? [
            'slo_sli_events_interval_uniq',
            'slo_sli_events_read_idx',
            'slo_sli_events_pkey',
          ]
        : [];
      const expected = async () => {
        const names = await indexes();
        expect({
          present: wanted.filter(name => names.includes(name)),
          absent: unwanted.filter(name => !names.includes(name)),
        }).toEqual({ present: wanted, absent: unwanted });
      };
      await expected();
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('slo_sli_events')).toBe(false);
      await migrateDatabase(knex);
      await expected();
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps (entity, SLI, interval start) unique for the ingest's upsert after the index change (%p)",
    async id => {
      const knex = await databases.init(id);
      // Intervals stored before the change (undone here) survive it, and the upsert still finds its arbiter after.
      const change = '20261213200000_slo_sli_events_one_unique_index.js';
      await migrateDatabase(knex);
      await knex.migrate.down({ directory, name: KEY_CHANGE });
      await knex.migrate.down({ directory, name: change });
      const [, pending] = await knex.migrate.list({ directory });
      expect(pending.map((m: { file: string }) => m.file)).toContain(change);
      const row = {
        entity_ref: 'component:default/checkout',
        sli_name: 'requests',
        interval_start: new Date('2026-12-01T08:00:00Z'),
        interval_end: new Date('2026-12-01T08:01:00Z'),
        good: 9,
        total: 10,
      };
      await knex('slo_sli_events').insert(row);
      await migrateDatabase(knex);
      await knex('slo_sli_events')
        .insert({ ...row, good: 10 })
        .onConflict(['entity_ref', 'sli_name', 'interval_start'])
        .merge(['good']);
      const rows = await knex('slo_sli_events').select('good');
      expect(rows.map(r => Number(r.good))).toEqual([10]);
      // The same interval again (not as an upsert) is refused.
      const duplicate = await knex('slo_sli_events')
        .insert(row)
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(duplicate).toBe('refused');
    },
  );

  it.each(databases.eachSupportedId())(
    'makes the interval key the primary key without `id` on PostgreSQL, keeping stored intervals both ways (%p)',
    async id => {
      const knex = await databases.init(id);
      const postgres = knex.client.config.client === 'pg';
      const interval = (hour: number, good: number) => ({
        entity_ref: 'component:default/checkout',
        sli_name: 'requests',
        interval_start: new Date(Date.UTC(2026, 11, 1, hour)),
        interval_end: new Date(Date.UTC(2026, 11, 1, hour + 1)),
        good,
        total: 10,
      });
      const upsert = (row: ReturnType<typeof interval>) =>
        knex('slo_sli_events')
          .insert(row)
          .onConflict(['entity_ref', 'sli_name', 'interval_start'])
          .merge(['good']);
      const stored = async () =>
        (
          await knex('slo_sli_events').select('good').orderBy('interval_start')
        ).map(r => Number(r.good));
      await migrateDatabase(knex);
      await knex.migrate.down({ directory, name: KEY_CHANGE });
      await knex('slo_sli_events').insert(interval(0, 1));
      await migrateDatabase(knex);
      expect(await knex.schema.hasColumn('slo_sli_events', 'id')).toBe(
        !postgres,
      );
      await upsert(interval(0, 2));
      await upsert(interval(1, 3));
      expect(await stored()).toEqual([2, 3]);
      // On PostgreSQL the covering index is the primary key.
      const primaryKey = postgres
        ? (
            await knex.raw(
              "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'slo_sli_events'::regclass AND contype = 'p'",
            )
          ).rows.map((r: { def: string }) => r.def)
        : ['SQLite: the rowid'];
      expect(primaryKey).toEqual([
        postgres
          ? 'PRIMARY KEY (entity_ref, sli_name, interval_start) INCLUDE (good, total)'
          : 'SQLite: the rowid',
      ]);
      // Down again: an `id` for every stored interval, the data and the upsert's arbiter kept.
      await knex.migrate.down({ directory, name: KEY_CHANGE });
      expect(await knex.schema.hasColumn('slo_sli_events', 'id')).toBe(true);
      await upsert(interval(1, 4));
      expect(await stored()).toEqual([2, 4]);
      await migrateDatabase(knex);
      expect(await stored()).toEqual([2, 4]);
    },
  );

  it.each(databases.eachSupportedId())(
    'fills slo_latest.met_last_window from the stored statuses, null where not known or not JSON, both ways (%p)',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      await knex.migrate.down({ directory, name: MET_LAST_WINDOW });
      expect(await knex.schema.hasColumn('slo_latest', 'met_last_window')).toBe(
        false,
      );
      const lastWindow = (met: boolean) => ({
        start: '2026-10-01T00:00:00.000Z',
        end: '2026-11-01T00:00:00.000Z',
        attainment: 0.99,
        met,
      });
      const statuses: Record<string, string> = {
        met: JSON.stringify({ attainment: 0.99, lastWindow: lastWindow(true) }),
        missed: JSON.stringify({ lastWindow: lastWindow(false) }),
        'no-last-window': JSON.stringify({ lastWindow: null }),
        'not-json': '{"lastWindow": {"met": tru',
      };
      await knex('slo_latest').insert(
        Object.entries(statuses).map(([sloName, status]) => ({
          entity_ref: 'component:default/checkout',
          slo_name: sloName,
          collected_at: new Date('2026-11-20T12:00:00Z'),
          checked_at: new Date('2026-11-20T12:00:00Z'),
          target: 0.99,
          alert_state: 'ok',
          stale: false,
          alert_count: 0,
          alerts_with_runbook: 0,
          has_burn_rate_alerts: false,
          status,
        })),
      );
      await migrateDatabase(knex);
      const rows = await knex('slo_latest')
        .select('slo_name', 'met_last_window')
        .orderBy('slo_name');
      expect(
        rows.map(r => [
          r.slo_name,
          r.met_last_window === null ? null : Boolean(r.met_last_window),
        ]),
      ).toEqual([
        ['met', true],
        ['missed', false],
        ['no-last-window', null],
        ['not-json', null],
      ]);
      await knex.migrate.down({ directory, name: MET_LAST_WINDOW });
      expect(await knex.schema.hasColumn('slo_latest', 'met_last_window')).toBe(
        false,
      );
      const [{ n }] = await knex('slo_latest').count({ n: '*' });
      expect(Number(n)).toBe(4);
    },
  );

  it.each(databases.eachSupportedId())(
    "records that a stored rule state's condition held at its last evaluation, and nothing for ok (%p)",
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      await knex.migrate.down({ directory, name: POLICY_KEPT });
      const evaluatedAt = new Date('2026-12-01T10:05:00Z');
      const row = (
        sloName: string,
        state: string,
        ruleIndex: number | null,
      ) => ({
        entity_ref: 'component:default/payments',
        slo_name: sloName,
        policy_name: 'strict',
        state,
        decision: ruleIndex === null ? 'allow' : 'deny',
        rule_index: ruleIndex,
        consequence: ruleIndex === null ? null : 'Halt deploys',
        budget_remaining: 0.4,
        alert_state: 'page',
        since: new Date('2026-12-01T09:00:00Z'),
        evaluated_at: evaluatedAt,
      });
      await knex('policy_states').insert([
        row('availability', 'halted', 0),
        row('latency', 'ok', null),
      ]);
      await migrateDatabase(knex);
      const rows = await knex('policy_states')
        .select('slo_name', 'condition_held_at', 'kept_until')
        .orderBy('slo_name');
      expect(
        rows.map(r => [
          r.slo_name,
          r.condition_held_at === null
            ? null
            : new Date(r.condition_held_at).getTime(),
          r.kept_until,
        ]),
      ).toEqual([
        ['availability', evaluatedAt.getTime(), null],
        ['latency', null, null],
      ]);
      await knex.migrate.down({ directory, name: POLICY_KEPT });
      expect(
        await knex.schema.hasColumn('policy_states', 'condition_held_at'),
      ).toBe(false);
      const [{ n }] = await knex('policy_states').count({ n: '*' });
      expect(Number(n)).toBe(2);
    },
  );
});
