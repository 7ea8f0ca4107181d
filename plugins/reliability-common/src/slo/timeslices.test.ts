import { computeErrorBudget, burnRate } from './math';
import {
  countGoodSlices,
  isGoodSlice,
  sliceCountOf,
  sliceCountsAsEvents,
  sliceIntervals,
} from './timeslices';

describe('timeslices', () => {
  it('judges a slice on its ratio, ties included, and counts empty slices as good', () => {
    expect(isGoodSlice({ good: 7, total: 100 }, 0.07)).toBe(true);
    expect(isGoodSlice({ good: 94, total: 100 }, 0.95)).toBe(false);
    expect(isGoodSlice({ good: 95, total: 100 }, 0.95)).toBe(true);
    expect(isGoodSlice({ good: 0, total: 0 }, 0.99)).toBe(true);
    expect(isGoodSlice({ good: Number.NaN, total: 10 }, 0.5)).toBe(false);
  });

  it('cuts an interval into slices aligned on its start with a partial last slice', () => {
    const from = new Date('2026-11-01T00:00:00Z');
    const to = new Date('2026-11-01T00:02:30Z');
    expect(sliceCountOf(from, to, 60)).toBe(3);
    expect(sliceCountOf(to, from, 60)).toBe(0);
    expect(() => sliceCountOf(from, to, 0)).toThrow(RangeError);
    expect(sliceIntervals(from, to, 60).map(s => s.to.toISOString())).toEqual([
      '2026-11-01T00:01:00.000Z',
      '2026-11-01T00:02:00.000Z',
      '2026-11-01T00:02:30.000Z',
    ]);
  });

  it('budgets on slices, not on events', () => {
    // 100 slices, 2 of them below 95% good: one huge bad slice weighs as much as a small one.
    const slices = [
      ...Array.from({ length: 98 }, () => ({ good: 1000, total: 1000 })),
      { good: 0, total: 1_000_000 },
      { good: 9, total: 10 },
    ];
    const counts = countGoodSlices(slices, 0.95);
    expect(counts).toEqual({ goodSlices: 98, totalSlices: 100 });
    const budget = computeErrorBudget(sliceCountsAsEvents(counts), 0.96);
    expect(budget.attainment).toBe(0.98);
    expect(budget.budgetRemainingRatio).toBe(0.5);
    expect(burnRate(sliceCountsAsEvents(counts), 0.96)).toBe(0.5);
  });
});
