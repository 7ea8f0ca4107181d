import {
  burndownInstants,
  computeBurndown,
  idealBudgetRemaining,
} from './burndown';

const HOUR = 3_600_000;
const start = new Date('2026-11-01T00:00:00.000Z');
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

describe('burndownInstants', () => {
  it('spreads the points evenly over [windowStart, until], both included', () => {
    const instants = burndownInstants(start, at(4), 5);
    expect(instants.map(d => d.toISOString())).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-01T01:00:00.000Z',
      '2026-11-01T02:00:00.000Z',
      '2026-11-01T03:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
    ]);
  });

  it('defaults to 60 points and bounds the count', () => {
    expect(burndownInstants(start, at(720))).toHaveLength(60);
    expect(burndownInstants(start, at(720), 10_000)).toHaveLength(200);
    expect(burndownInstants(start, at(720), 0)).toHaveLength(2);
    expect(burndownInstants(start, start)).toHaveLength(1);
  });
});

describe('idealBudgetRemaining', () => {
  it('falls linearly from 1 at the start to 0 at the end of the window', () => {
    expect(idealBudgetRemaining(start, start, at(10))).toBe(1);
    expect(idealBudgetRemaining(at(2.5), start, at(10))).toBe(0.75);
    expect(idealBudgetRemaining(at(10), start, at(10))).toBe(0);
    expect(idealBudgetRemaining(at(12), start, at(10))).toBe(0);
    expect(idealBudgetRemaining(start, start, start)).toBe(0);
  });
});

describe('computeBurndown', () => {
  it('computes the budget left at each instant against the whole window so far', () => {
    // 4 hours of 1000 requests each; target 99% allows 1% of 4000 = 40 bad events.
    const points = computeBurndown({
      instants: [start, at(1), at(2), at(3), at(4)],
      segments: [
        { good: 990, total: 1000 }, // 10 bad
        { good: 1000, total: 1000 }, // 0 bad
        { good: 980, total: 1000 }, // 20 bad
        { good: 995, total: 1000 }, // 5 bad
      ],
      target: 0.99,
      windowStart: start,
      windowEnd: at(4),
    });
    expect(points).toEqual([
      { at: '2026-11-01T00:00:00.000Z', budgetRemaining: 1, ideal: 1 },
      { at: '2026-11-01T01:00:00.000Z', budgetRemaining: 0.75, ideal: 0.75 },
      { at: '2026-11-01T02:00:00.000Z', budgetRemaining: 0.75, ideal: 0.5 },
      { at: '2026-11-01T03:00:00.000Z', budgetRemaining: 0.25, ideal: 0.25 },
      { at: '2026-11-01T04:00:00.000Z', budgetRemaining: 0.125, ideal: 0 },
    ]);
  });

  it('goes negative when the budget is overspent', () => {
    const points = computeBurndown({
      instants: [start, at(1), at(2)],
      segments: [
        { good: 900, total: 1000 },
        { good: 1000, total: 1000 },
      ],
      target: 0.99,
      windowStart: start,
      windowEnd: at(4),
    });
    // 100 bad of 20 allowed: 5 budgets spent.
    expect(points.map(p => p.budgetRemaining)).toEqual([1, -4, -4]);
    // A calendar window that ends later: the ideal line is still above 0 now.
    expect(points.map(p => p.ideal)).toEqual([1, 0.75, 0.5]);
  });

  it('is null (never NaN) without traffic', () => {
    const points = computeBurndown({
      instants: [start, at(1), at(2)],
      segments: [
        { good: 0, total: 0 },
        { good: 0, total: 0 },
      ],
      target: 0.999,
      windowStart: start,
      windowEnd: at(2),
    });
    expect(points.map(p => p.budgetRemaining)).toEqual([null, null, null]);
    expect(points.map(p => p.ideal)).toEqual([1, 0.5, 0]);
  });

  it('with a 100% target stays at 1 until the first bad event, then 0 (never Infinity)', () => {
    const points = computeBurndown({
      instants: [start, at(1), at(2), at(3)],
      segments: [
        { good: 500, total: 500 },
        { good: 499, total: 500 },
        { good: 500, total: 500 },
      ],
      target: 1,
      windowStart: start,
      windowEnd: at(3),
    });
    expect(points.map(p => p.budgetRemaining)).toEqual([1, 1, 0, 0]);
  });

  it('sanitises invalid counts and checks the number of segments', () => {
    const points = computeBurndown({
      instants: [start, at(1)],
      segments: [{ good: Number.NaN, total: Number.POSITIVE_INFINITY }],
      target: 0.9,
      windowStart: start,
      windowEnd: at(1),
    });
    expect(points.map(p => p.budgetRemaining)).toEqual([null, null]);
    expect(() =>
      computeBurndown({
        instants: [start, at(1)],
        segments: [],
        target: 0.9,
        windowStart: start,
        windowEnd: at(1),
      }),
    ).toThrow(RangeError);
  });
});
