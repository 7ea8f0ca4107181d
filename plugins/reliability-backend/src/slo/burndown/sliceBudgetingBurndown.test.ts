import { mockServices } from '@backstage/backend-test-utils';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';
import {
  migratedDatabase,
  sloTestDatabases,
} from '../__testUtils__/testDatabase';
import { checkoutEntity } from '../__testUtils__/sloFixtures';
import { EmbeddedSliProvider } from '../embedded/EmbeddedSliProvider';
import { KnexSliEventStore } from '../embedded/KnexSliEventStore';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloBurndownService } from './SloBurndownService';

jest.setTimeout(60_000);

/** Not on the hour: the 1-day window's first and last slices are partial. */
const NOW = new Date('2026-11-20T12:30:00Z');
const MINUTE = 60_000;

function sloOf(budgetingMethod: string): SloDefinition {
  return {
    name: 'checkout-availability',
    indicator: {
      name: 'checkout-requests',
      ratio: {
        good: { type: 'embedded', spec: {} },
        total: { type: 'embedded', spec: {} },
      },
    },
    window: { kind: 'rolling', durationSeconds: 86400, label: '1d' },
    budgetingMethod: budgetingMethod as SloDefinition['budgetingMethod'],
    objectives: [
      { target: 0.9, timeSliceTarget: 0.95, timeSliceWindowSeconds: 3600 },
    ],
    alertPolicies: [],
  };
}

/** 10-minute intervals over the last day: 10 requests each, half failing from 03:00 to 06:00, none at 09:00. */
async function seed(store: KnexSliEventStore) {
  const events = [];
  for (
    let start = Date.parse('2026-11-19T12:00:00Z');
    start < NOW.getTime();
    start += 10 * MINUTE
  ) {
    const hour = new Date(start).getUTCHours();
    const day = new Date(start).getUTCDate();
    const bad = day === 20 && hour >= 3 && hour < 6;
    const quiet = day === 20 && hour === 9;
    const total = quiet ? 0 : 10;
    events.push({
      start: new Date(start),
      end: new Date(start + 10 * MINUTE),
      good: bad ? total / 2 : total,
      total,
    });
  }
  await store.writeEvents(
    'component:default/checkout',
    'checkout-requests',
    events,
  );
}

describe('burn-down under slice budgeting', () => {
  // 25 hourly slices of the clock touch the window. Timeslices: 3 are bad. RatioTimeslices: the empty 09:00
  // slice has no ratio, 21 slices are at 1 and 3 at 0.5.
  it.each(
    sloTestDatabases
      .eachSupportedId()
      .flatMap(([id]) => [
        [id, 'Timeslices', 22, 25] as const,
        [id, 'RatioTimeslices', 21 + 3 * 0.5, 24] as const,
      ]),
  )(
    'ends at the headline budget remaining (%p, %s)',
    async (id, method, good, total) => {
      const store = new KnexSliEventStore({
        knex: await migratedDatabase(id),
      });
      await seed(store);
      const slo = sloOf(method);
      const evaluator = new SloEvaluator({
        providers: [new EmbeddedSliProvider({ store })],
        callTimeoutMs: 5000,
      });
      const burndown = new SloBurndownService({
        loader: { load: async () => ({ definitions: [slo] }) },
        evaluator,
        logger: mockServices.logger.mock(),
        now: () => NOW,
        cacheTtlMs: 0,
        cheapProviderTypes: ['embedded'],
      });
      const status = await evaluator.evaluate(checkoutEntity(), slo, NOW);
      expect(status.total).toBe(total);
      expect(status.good).toBeCloseTo(good, 9);
      for (const points of [60, 7]) {
        const series = await burndown.getBurndown(
          checkoutEntity(),
          slo.name,
          points,
        );
        expect(series.error).toBeNull();
        expect(series.total).toBe(status.total);
        expect(series.good).toBeCloseTo(status.good!, 9);
        expect(series.points[series.points.length - 1].budgetRemaining).toBe(
          status.budgetRemaining,
        );
        // Interior instants sit on the hour, so no slice is split between two segments.
        for (const point of series.points.slice(1, -1)) {
          expect(Date.parse(point.at) % 3_600_000).toBe(0);
        }
      }
    },
  );
});
