import {
  burndownFloor,
  burndownRows,
  burnRateRows,
  endsBelowChart,
  formatChartPercent,
} from './chartRows';

const response = (windowEnd: string) => ({
  entityRef: 'component:default/checkout',
  sloName: 'checkout-availability',
  target: 0.99,
  windowStart: '2026-11-01T00:00:00.000Z',
  windowEnd,
  computedAt: '2026-11-03T00:00:00.000Z',
  good: 3960,
  total: 4000,
  points: [
    { at: '2026-11-01T00:00:00.000Z', budgetRemaining: 1, ideal: 1 },
    { at: '2026-11-02T00:00:00.000Z', budgetRemaining: 0.75, ideal: 0.5 },
    { at: '2026-11-03T00:00:00.000Z', budgetRemaining: -0.125, ideal: 0 },
  ],
  stale: false,
  error: null,
  dataSource: 'embedded',
});

describe('burndownRows', () => {
  it('maps a rolling window burn-down to percentages', () => {
    const rows = burndownRows(response('2026-11-03T00:00:00.000Z'));
    expect(rows).toEqual([
      { at: Date.parse('2026-11-01T00:00:00Z'), remaining: 100, ideal: 100 },
      { at: Date.parse('2026-11-02T00:00:00Z'), remaining: 75, ideal: 50 },
      { at: Date.parse('2026-11-03T00:00:00Z'), remaining: -12.5, ideal: 0 },
    ]);
    expect(burndownFloor(rows)).toBe(-25);
  });

  it('extends the ideal line to the end of a calendar window', () => {
    const rows = burndownRows(response('2026-11-05T00:00:00.000Z'));
    expect(rows[rows.length - 1]).toEqual({
      at: Date.parse('2026-11-05T00:00:00Z'),
      remaining: null,
      ideal: 0,
    });
  });

  it('keeps missing data as gaps', () => {
    const rows = burndownRows({
      ...response('2026-11-01T00:00:00.000Z'),
      points: [
        { at: '2026-11-01T00:00:00.000Z', budgetRemaining: null, ideal: 1 },
      ],
    });
    expect(rows).toEqual([
      { at: Date.parse('2026-11-01T00:00:00Z'), remaining: null, ideal: 100 },
    ]);
    expect(burndownFloor(rows)).toBe(0);
    expect(burndownFloor([{ at: 0, remaining: -900, ideal: 0 }])).toBe(-100);
  });
});

describe('burnRateRows', () => {
  it('takes the 1h, 6h and 3d burn rates and leaves stale points out', () => {
    const point = (stale: boolean) => ({
      at: '2026-11-02T00:00:00.000Z',
      windowStart: '2026-10-03T00:00:00.000Z',
      windowEnd: '2026-11-02T00:00:00.000Z',
      attainment: 0.99,
      budgetRemaining: 0.5,
      burnRates: { '1h': 2, '6h': null },
      alertState: 'ok' as const,
      stale,
    });
    expect(burnRateRows([point(false), point(true)])).toEqual([
      {
        at: Date.parse('2026-11-02T00:00:00Z'),
        burn1h: 2,
        burn6h: null,
        burn3d: null,
      },
      {
        at: Date.parse('2026-11-02T00:00:00Z'),
        burn1h: null,
        burn6h: null,
        burn3d: null,
      },
    ]);
  });
});

describe('burn-down values as text', () => {
  it('plots budgets unrounded and prints them through formatRatio', () => {
    const rows = burndownRows({
      ...response('2026-11-03T00:00:00.000Z'),
      points: [
        { at: '2026-11-01T00:00:00.000Z', budgetRemaining: 0.99995, ideal: 1 },
      ],
    });
    // Not rounded to 100 (untouched) on the chart.
    expect(rows[0].remaining).toBe(99.995);
    expect(formatChartPercent(42.125)).toBe('42.13%');
    expect(formatChartPercent(-12.5)).toBe('-12.5%');
    expect(formatChartPercent(null)).toBe('—');
    expect(formatChartPercent(Number.NaN)).toBe('—');
  });

  it('says when the newest budget lies below the chart', () => {
    const row = (remaining: number | null) => ({ at: 0, remaining, ideal: 0 });
    expect(endsBelowChart([row(-150), row(null)], -100)).toBe(true);
    expect(endsBelowChart([row(-150), row(-50)], -100)).toBe(false);
    expect(endsBelowChart([row(null)], 0)).toBe(false);
  });
});
