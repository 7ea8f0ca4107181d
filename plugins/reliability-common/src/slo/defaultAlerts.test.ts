import { WORKBOOK_MULTIWINDOW_ALERTS } from './alerting';
import { explainBurnRateCondition } from './alertExplanations';
import { defaultMultiwindowAlerts } from './defaultAlerts';
import { SloWindow } from './types';

const HOUR = 3600;
const DAY = 86400;

function rolling(days: number): SloWindow {
  return { kind: 'rolling', durationSeconds: days * DAY, label: `${days}d` };
}

function summary(window: SloWindow) {
  return defaultMultiwindowAlerts(window).map(a => [
    a.name,
    a.severity,
    a.burnRateThreshold,
    a.longWindowSeconds,
    a.shortWindowSeconds,
  ]);
}

describe('defaultMultiwindowAlerts', () => {
  it('is the workbook table for a 30-day window', () => {
    const alerts = defaultMultiwindowAlerts(rolling(30));
    expect(alerts.map(({ explanation: _e, ...c }) => c)).toEqual(
      WORKBOOK_MULTIWINDOW_ALERTS,
    );
    expect(alerts.map(a => a.explanation)).toEqual([
      '2% of a 30-day budget in 1h = 14.4×',
      '5% of a 30-day budget in 6h = 6×',
      '10% of a 30-day budget in 3d = 1×',
    ]);
  });

  it('sizes the thresholds for a 7-day window instead of assuming 30 days', () => {
    const alerts = defaultMultiwindowAlerts(rolling(7));
    expect(summary(rolling(7))).toEqual([
      ['page-fast-burn', 'page', 3.36, HOUR, 300],
      ['page-medium-burn', 'page', 1.4, 6 * HOUR, 1800],
      ['ticket-slow-burn', 'ticket', 1, 3 * DAY, 6 * HOUR],
    ]);
    expect(alerts[0].explanation).toBe('2% of a 7-day budget in 1h = 3.36×');
    expect(alerts[2].explanation).toBe(
      '10% of a 7-day budget in 3d = 0.23×, raised to 1×: a slower burn leaves budget at the end of the window',
    );
    expect(summary(rolling(28))[0]).toEqual([
      'page-fast-burn',
      'page',
      13.44,
      HOUR,
      300,
    ]);
  });

  it('shortens alert windows to a short SLO window and drops duplicates', () => {
    expect(summary(rolling(1))).toEqual([
      ['page-fast-burn', 'page', 1, HOUR, 300],
      ['page-medium-burn', 'page', 1, 6 * HOUR, 1800],
      ['ticket-slow-burn', 'ticket', 1, DAY, 2 * HOUR],
    ]);
    expect(defaultMultiwindowAlerts(rolling(1))[2].explanation).toBe(
      '10% of a 1-day budget in 1d (3d shortened to the SLO window) = 0.1×, raised to 1×: a slower burn leaves budget at the end of the window',
    );
    const oneHour: SloWindow = {
      kind: 'rolling',
      durationSeconds: HOUR,
      label: '1h',
    };
    expect(summary(oneHour)).toEqual([
      ['page-fast-burn', 'page', 1, HOUR, 300],
    ]);
  });

  it('uses the nominal length of calendar windows', () => {
    const month: SloWindow = {
      kind: 'calendar',
      unit: 'Month',
      count: 1,
      startTime: '2024-01-01 00:00:00',
      timeZone: 'UTC',
      label: '1M',
    };
    const alerts = defaultMultiwindowAlerts(month);
    expect(alerts.map(a => a.burnRateThreshold)).toEqual([14.4, 6, 1]);
    expect(alerts[0].explanation).toBe(
      '2% of a 1-month (30 days) budget in 1h = 14.4×',
    );
    const quarter: SloWindow = { ...month, unit: 'Quarter', label: '1Q' };
    expect(
      defaultMultiwindowAlerts(quarter).map(a => a.burnRateThreshold),
    ).toEqual([43.2, 18, 3]);
  });
});

describe('explainBurnRateCondition', () => {
  it('explains an SLO’s own condition as the budget share it spends', () => {
    expect(
      explainBurnRateCondition(
        {
          name: 'fast',
          severity: 'page',
          burnRateThreshold: 14.4,
          longWindowSeconds: HOUR,
          shortWindowSeconds: 300,
        },
        rolling(7),
      ),
    ).toBe('8.57% of a 7-day budget in 1h = 14.4×');
    const [fast] = defaultMultiwindowAlerts(rolling(7));
    expect(explainBurnRateCondition(fast, rolling(7))).toBe(fast.explanation);
  });
});
