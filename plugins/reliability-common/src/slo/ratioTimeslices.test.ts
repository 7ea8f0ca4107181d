import { computeErrorBudget } from './math';
import { sliceRatiosAsEvents, sumSliceRatios } from './ratioTimeslices';
import { countGoodSlices } from './timeslices';

describe('ratioTimeslices', () => {
  it('averages the slices’ success ratios, leaving out slices without traffic', () => {
    const slices = [
      { good: 1000, total: 1000 },
      { good: 1, total: 2 },
      { good: 0, total: 0 },
      { good: 90, total: 100 },
    ];
    const sums = sumSliceRatios(slices);
    expect(sums).toEqual({ ratioSum: 2.4, slicesWithData: 3 });
    // Average ratio (1 + 0.5 + 0.9) / 3 = 0.8, where Timeslices at 0.95 would count 2 good slices of 4.
    expect(computeErrorBudget(sliceRatiosAsEvents(sums), 0.9).attainment).toBe(
      0.8,
    );
    expect(countGoodSlices(slices, 0.95)).toEqual({
      goodSlices: 2,
      totalSlices: 4,
    });
    expect(sumSliceRatios([])).toEqual({ ratioSum: 0, slicesWithData: 0 });
  });
});
