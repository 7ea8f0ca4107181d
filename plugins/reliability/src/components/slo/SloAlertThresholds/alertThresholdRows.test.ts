import { SloDefinition } from '@internal/backstage-plugin-reliability-common';
import { checkoutDefinition, healthyStatus } from '../testData';
import { alertThresholdRows } from './alertThresholdRows';

const weekly: SloDefinition = {
  ...checkoutDefinition,
  window: { kind: 'rolling', durationSeconds: 7 * 86400, label: '7d' },
};

describe('alertThresholdRows', () => {
  it('sizes the default alerts for the SLO window, not for 30 days', () => {
    const { source, rows } = alertThresholdRows(weekly, null);
    expect(source).toBe('default');
    expect(
      rows.map(r => [r.name, r.severity, r.windows, r.explanation]),
    ).toEqual([
      [
        'page-fast-burn',
        'page',
        '1h and 5m',
        '2% of a 7-day budget in 1h = 3.36×',
      ],
      [
        'page-medium-burn',
        'page',
        '6h and 30m',
        '5% of a 7-day budget in 6h = 1.4×',
      ],
      [
        'ticket-slow-burn',
        'ticket',
        '3d and 6h',
        '10% of a 7-day budget in 3d = 0.23×, raised to 1×: a slower burn leaves budget at the end of the window',
      ],
    ]);
  });

  it('explains the SLO’s own conditions from their thresholds', () => {
    const { source, rows } = alertThresholdRows(
      {
        ...weekly,
        alertPolicies: [
          {
            name: 'fast',
            conditions: [
              {
                name: 'page-1h',
                severity: 'page',
                burnRateThreshold: 14.4,
                longWindowSeconds: 3600,
                shortWindowSeconds: 300,
              },
            ],
          },
        ],
      },
      null,
    );
    expect(source).toBe('definition');
    expect(rows[0].explanation).toBe('8.57% of a 7-day budget in 1h = 14.4×');
  });

  it('shows what the backend evaluated, with firing and unbounded burn', () => {
    const { rows } = alertThresholdRows(checkoutDefinition, {
      ...healthyStatus,
      alerts: [
        {
          name: 'page-fast-burn',
          severity: 'page',
          burnRateThreshold: 14.4,
          longWindowSeconds: 3600,
          shortWindowSeconds: 300,
          firing: true,
          longBurnRate: null,
          shortBurnRate: null,
          unboundedBurn: true,
          explanation: '2% of a 30-day budget in 1h = 14.4×',
        },
      ],
    });
    expect(rows).toEqual([
      {
        name: 'page-fast-burn',
        severity: 'page',
        windows: '1h and 5m',
        explanation: '2% of a 30-day budget in 1h = 14.4×',
        firing: true,
        unboundedBurn: true,
      },
    ]);
  });
});
