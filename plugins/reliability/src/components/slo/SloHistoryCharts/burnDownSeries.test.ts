import { burnDownSeries } from './burnDownSeries';

const point = (at: string, budgetRemaining: number | null) => ({
  at,
  windowStart: '2026-11-01T00:00:00.000Z',
  windowEnd: at,
  attainment: null,
  budgetRemaining,
  burnRates: { '1h': 2, '6h': null },
  alertState: 'ok' as const,
  stale: budgetRemaining === null,
});

describe('burnDownSeries', () => {
  it('pairs the budget with an ideal linear burn and keeps gaps', () => {
    const rows = burnDownSeries(
      [
        point('2026-11-01T00:00:00Z', 1),
        point('2026-11-16T00:00:00Z', 0.25),
        point('2026-11-20T00:00:00Z', null),
      ],
      '2026-11-01T00:00:00Z',
      '2026-12-01T00:00:00Z',
    );
    expect(rows.map(r => [r.remaining, r.ideal])).toEqual([
      [100, 100],
      [25, 50],
      [null, expect.closeTo(36.67, 2)],
    ]);
    expect(rows[0]).toMatchObject({ burn1h: 2, burn6h: null, burn3d: null });
  });
});
