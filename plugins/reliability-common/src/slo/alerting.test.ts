import {
  alertingBurnRate,
  evaluateBurnRateAlerts,
  evaluateBurnRateAlertsOnCounts,
  mostSevereFiring,
  WORKBOOK_MULTIWINDOW_ALERTS,
} from './alerting';
import { burnRateForBudgetConsumption } from './math';

const HOUR = 3600;

describe('WORKBOOK_MULTIWINDOW_ALERTS', () => {
  it('is the workbook table of recommended parameters (severity, long, short, burn rate, budget)', () => {
    expect(
      WORKBOOK_MULTIWINDOW_ALERTS.map(c => [
        c.severity,
        c.longWindowSeconds,
        c.shortWindowSeconds,
        c.burnRateThreshold,
        // the share of a 30-day budget each alert has consumed when it fires
        burnRateForBudgetConsumption(
          c.burnRateThreshold,
          30 * 24 * HOUR,
          c.longWindowSeconds,
        ),
      ]),
    ).toEqual([
      ['page', 1 * HOUR, 5 * 60, 14.4, 0.02],
      ['page', 6 * HOUR, 30 * 60, 6, 0.05],
      ['ticket', 72 * HOUR, 6 * HOUR, 1, 0.1],
    ]);
  });
});

describe('evaluateBurnRateAlerts', () => {
  const burnRates =
    (rates: Record<number, number | null>) => (windowSeconds: number) =>
      rates[windowSeconds] ?? 0;

  it('fires only when both the long and the short window reach the threshold', () => {
    const evaluations = evaluateBurnRateAlerts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      burnRates({ 3600: 20, 300: 15, 21600: 7, 1800: 2, 259200: 1.5 }),
    );
    // 6h burns at 7 but its 30m short window only at 2: the medium page does not fire
    expect(evaluations.map(e => e.firing)).toEqual([true, false, true]);
    expect(evaluations[0]).toMatchObject({
      longBurnRate: 20,
      shortBurnRate: 15,
    });
    expect(mostSevereFiring(evaluations)).toBe('page');
  });

  it('does not fire when only the short window is high (the spike is over too briefly to matter)', () => {
    const evaluations = evaluateBurnRateAlerts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      burnRates({ 3600: 3, 300: 100 }),
    );
    expect(evaluations.every(e => !e.firing)).toBe(true);
    expect(mostSevereFiring(evaluations)).toBeNull();
  });

  it('does not fire when only the long window is high (the problem has stopped)', () => {
    const evaluations = evaluateBurnRateAlerts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      burnRates({ 3600: 30, 300: 0 }),
    );
    expect(evaluations[0].firing).toBe(false);
  });

  it('fires at exactly the threshold and reports a ticket when only the slow burn fires', () => {
    const evaluations = evaluateBurnRateAlerts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      burnRates({ 259200: 1, 21600: 1 }),
    );
    expect(evaluations.map(e => e.firing)).toEqual([false, false, true]);
    expect(mostSevereFiring(evaluations)).toBe('ticket');
  });

  it('never fires on unknown burn rates (no traffic)', () => {
    const evaluations = evaluateBurnRateAlerts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      () => null,
    );
    expect(evaluations.every(e => !e.firing && e.longBurnRate === null)).toBe(
      true,
    );
    expect(mostSevereFiring(evaluations)).toBeNull();
  });
});

describe('a 100% target (zero error budget)', () => {
  const counts =
    (byWindow: Record<number, { good: number; total: number }>) =>
    (windowSeconds: number) =>
      byWindow[windowSeconds];

  it('alerts on any bad event in both windows: an unbounded burn, not an unknown one', () => {
    const evaluations = evaluateBurnRateAlertsOnCounts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      counts({
        3600: { good: 999, total: 1000 },
        300: { good: 99, total: 100 },
      }),
      1,
    );
    expect(evaluations[0]).toMatchObject({
      firing: true,
      unboundedBurn: true,
      longBurnRate: null,
      shortBurnRate: null,
    });
    expect(mostSevereFiring(evaluations)).toBe('page');
  });

  it('does not alert once the short window is clean, nor without traffic', () => {
    const evaluations = evaluateBurnRateAlertsOnCounts(
      WORKBOOK_MULTIWINDOW_ALERTS,
      counts({
        3600: { good: 999, total: 1000 },
        300: { good: 100, total: 100 },
      }),
      1,
    );
    expect(evaluations[0]).toMatchObject({
      firing: false,
      unboundedBurn: true,
      shortBurnRate: 0,
    });
    expect(
      evaluateBurnRateAlertsOnCounts(
        WORKBOOK_MULTIWINDOW_ALERTS,
        () => undefined,
        1,
      ).some(e => e.firing || e.unboundedBurn),
    ).toBe(false);
  });

  it('treats an Infinity burn rate as reaching every threshold and reports it as null', () => {
    const [fast] = evaluateBurnRateAlerts(WORKBOOK_MULTIWINDOW_ALERTS, () =>
      alertingBurnRate({ good: 4, total: 5 }, 1),
    );
    expect(fast).toMatchObject({
      firing: true,
      longBurnRate: null,
      unboundedBurn: true,
    });
  });

  it('alertingBurnRate is burnRate except for bad events against a zero budget', () => {
    expect(alertingBurnRate({ good: 4, total: 5 }, 1)).toBe(Infinity);
    expect(alertingBurnRate({ good: 5, total: 5 }, 1)).toBe(0);
    expect(alertingBurnRate({ good: 0, total: 0 }, 1)).toBeNull();
    expect(alertingBurnRate({ good: 998, total: 1000 }, 0.999)).toBe(2);
  });
});
