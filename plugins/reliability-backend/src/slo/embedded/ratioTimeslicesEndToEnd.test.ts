import {
  migratedDatabase,
  sloTestDatabases,
} from '../__testUtils__/testDatabase';
import {
  checkoutEntity,
  createTestSloService,
} from '../__testUtils__/sloFixtures';
import { EmbeddedSliProvider } from './EmbeddedSliProvider';
import { KnexSliEventStore } from './KnexSliEventStore';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;

/** An inline OpenSLO file: a 1-day rolling RatioTimeslices SLO of an embedded SLI with hourly slices. */
const RATIO_TIMESLICES_YAML = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  budgetingMethod: RatioTimeslices
  timeWindow:
    - duration: 1d
      isRolling: true
  objectives:
    - target: 0.95
      timeSliceWindow: 1h
  indicator:
    metadata:
      name: checkout-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: embedded
            spec: { sli: checkout-requests }
        total:
          metricSource:
            type: embedded
            spec: { sli: checkout-requests }
`;

describe('RatioTimeslices from an OpenSLO file to the SLO status', () => {
  it.each(sloTestDatabases.eachSupportedId())(
    'averages the slices’ good/total ratios with the embedded provider (%p)',
    async id => {
      const db = await migratedDatabase(id);
      const store = new KnexSliEventStore({ knex: db });
      // The last day in hourly intervals of 100 requests, 99 good; at 03:00 a burst of 10,000 requests of
      // which 5,000 failed; at 04:00 no traffic at all.
      const events = [];
      for (let start = NOW.getTime() - 24 * HOUR; start < NOW.getTime(); ) {
        const hour = new Date(start).getUTCHours();
        const counts =
          hour === 3 ? { good: 5000, total: 10_000 } : { good: 99, total: 100 };
        if (hour !== 4) {
          events.push({
            start: new Date(start),
            end: new Date(start + HOUR),
            ...counts,
          });
        }
        start += HOUR;
      }
      await store.writeEvents(
        'component:default/checkout',
        'checkout-requests',
        events,
      );
      const provider = new EmbeddedSliProvider({ store });
      const sliceRatios = jest.spyOn(provider, 'getSliceRatios');
      const { service } = createTestSloService({
        db,
        providers: [provider],
        now: () => NOW,
      });

      const response = await service.getEntitySlos(
        checkoutEntity(RATIO_TIMESLICES_YAML),
      );
      expect(response.definitionErrors).toEqual([]);
      const [{ definition, status }] = response.slos;
      expect(definition.budgetingMethod).toBe('RatioTimeslices');
      // Summed natively by the embedded store, on hourly slices.
      expect(sliceRatios).toHaveBeenCalledWith(
        expect.objectContaining({ sliceSeconds: 3600 }),
      );
      // 23 slices with traffic: 22 at 0.99 and one at 0.5, averaged: 0.9687 >= 95%. Per event it would be
      // 7178 / 12200 = 58.8%; as Timeslices (slice good at >= 95%) 22 of 24 slices.
      expect(status).toMatchObject({
        countUnit: 'slices',
        total: 23,
        objectives: [
          expect.objectContaining({
            budgetingMethod: 'RatioTimeslices',
            timeSliceWindowSeconds: 3600,
          }),
        ],
      });
      expect(status!.good).toBeCloseTo(22 * 0.99 + 0.5, 9);
      expect(status!.attainment).toBeCloseTo((22 * 0.99 + 0.5) / 23, 9);
      // Budget: 5% of 23 slices = 1.15 ratio points allowed, 0.72 spent.
      expect(status!.budgetRemaining).toBeCloseTo(1 - 0.72 / 1.15, 9);
      expect(status!.lastWindow).toMatchObject({ met: true });
    },
  );
});
