import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { createTestSloService } from './__testUtils__/sloFixtures';
import {
  migratedDatabase,
  sloTestDatabases,
} from './__testUtils__/testDatabase';
import { EmbeddedSliProvider } from './embedded/EmbeddedSliProvider';
import { KnexSliEventStore } from './embedded/KnexSliEventStore';

jest.setTimeout(180_000);

const HOUR = 3600_000;
const now = new Date('2026-11-30T17:41:12.000Z');

const sli = (name: string) => `
  indicator:
    metadata:
      name: ${name}
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource: { type: embedded, spec: { sli: ${name} } }
        total:
          metricSource: { type: embedded, spec: { sli: ${name} } }`;

/** Three SLOs on two embedded SLIs: every budgeting method, rolling and calendar windows, alert look-backs. */
const slos = (name: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-availability
spec:
  service: ${name}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.995${sli('requests')}
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: slow-burn
      spec:
        conditions:
          - kind: AlertCondition
            metadata:
              name: slow-burn
            spec:
              severity: ticket
              condition: { kind: burnrate, op: gte, threshold: 2, lookbackWindow: 2d, alertAfter: 5m }
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-latency
spec:
  service: ${name}
  budgetingMethod: RatioTimeslices
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.99
      timeSliceWindow: 1h${sli('latency')}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}-monthly
spec:
  service: ${name}
  budgetingMethod: Timeslices
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC }
  objectives:
    - target: 0.95
      timeSliceTarget: 0.99
      timeSliceWindow: 5m${sli('requests')}
`;

const entity = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    namespace: 'default',
    annotations: { [ANNOTATIONS.sloInline]: slos(`svc-${i}`) },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
});

/** 40 days of hourly intervals per SLI, a few of them bad, and the last hours in 1-minute intervals. */
async function seed(knex: Knex, entities: Entity[]) {
  // Reads as large as the batch on both databases, so the count shows the batching (SQLite's default of 5 SLIs
  // a read is tested in EmbeddedSliProvider.preload.test.ts).
  const store = new KnexSliEventStore({ knex, maxSlisPerRead: 25 });
  for (const [i, e] of entities.entries()) {
    for (const name of ['requests', 'latency']) {
      const events = [];
      const recent = now.getTime() - 3 * HOUR;
      for (let t = now.getTime() - 40 * 24 * HOUR; t < recent; t += HOUR) {
        const bad = (t / HOUR + i) % 17 === 0 ? 40 : 1;
        events.push({
          start: new Date(t),
          end: new Date(t + HOUR),
          good: 1000 - bad,
          total: 1000,
        });
      }
      for (let t = recent; t < now.getTime(); t += 60_000) {
        events.push({
          start: new Date(t),
          end: new Date(t + 60_000),
          good: 19 - (i % 3),
          total: 20,
        });
      }
      await store.writeEvents(entityRefKey(e), name, events);
    }
  }
  return store;
}

/**
 * Numbers to 9 significant digits: slice ratios are summed in SQL one by one or compensated (SQLite) and in
 * JavaScript one by one, so sums of fractions may differ in the last bits.
 */
function roundNumbers(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, roundNumbers(v)]),
    );
  }
  return value;
}

describe('SloService.collectEntities', () => {
  it.each(sloTestDatabases.eachSupportedId())(
    'stores what evaluating each SLO on its own gives, in the same number of queries for 4 and 12 entities (%p)',
    async id => {
      const knex = await migratedDatabase(id);
      const entities = Array.from({ length: 16 }, (_, i) => entity(i));
      const eventStore = await seed(knex, entities);
      const { service, store, evaluator, loader } = createTestSloService({
        db: knex,
        providers: [new EmbeddedSliProvider({ store: eventStore })],
        now: () => now,
        callTimeoutMs: 60_000,
      });
      // Parse the definitions before counting (they are cached by content).
      await Promise.all(entities.map(e => loader.load(e)));

      const queriesOf = async (batch: Entity[]) => {
        let queries = 0;
        const count = () => {
          queries += 1;
        };
        knex.on('query', count);
        await service.collectEntities(batch);
        knex.off('query', count);
        return queries;
      };
      const small = await queriesOf(entities.slice(0, 4));
      const large = await queriesOf(entities.slice(4, 16));
      expect(large).toBe(small);
      expect(small).toBeLessThanOrEqual(12);

      const latest = await store.getLatestOf(
        entities.map(e => entityRefKey(e)),
      );
      for (const e of entities) {
        const { definitions } = await loader.load(e);
        for (const slo of definitions) {
          const stored = latest.get(entityRefKey(e))?.get(slo.name);
          expect(stored?.error).toBeNull();
          expect(roundNumbers(stored)).toEqual(
            roundNumbers(await evaluator.evaluate(e, slo, now)),
          );
        }
      }

      // The trends' read: each SLO's window and its stored state's lastWindow.met, from the column alone.
      const lastWindows = await service.getEntitiesLastWindows(entities);
      for (const e of entities) {
        const { definitions } = await loader.load(e);
        const states = latest.get(entityRefKey(e))!;
        expect(lastWindows.get(entityRefKey(e))).toEqual(
          definitions.map(slo => ({
            window: slo.window,
            met: states.get(slo.name)!.lastWindow!.met,
          })),
        );
      }
    },
  );
});
