import { computeErrorBudget } from './math';
import { meetsTarget } from './targetMet';

describe('meetsTarget', () => {
  it('decides from the counts, not from an attainment rounded to 12 digits', () => {
    const counts = { good: 99_998_999_999_999, total: 100_000_000_000_000 };
    // the rounded attainment claims the 99.999% target is met ...
    expect(computeErrorBudget(counts, 0.99999).attainment).toBe(0.99999);
    // ... but 1 event short of 99,999,000,000,000 good is a miss
    expect(meetsTarget(counts, 0.99999)).toBe(false);
    expect(
      meetsTarget(
        { good: 99_999_000_000_000, total: 100_000_000_000_000 },
        0.99999,
      ),
    ).toBe(true);
  });

  it('meets a target reached exactly, whatever the binary value of the target', () => {
    // 0.99999 and 0.999 are not exact doubles; exactly on target is still met
    expect(meetsTarget({ good: 99_999, total: 100_000 }, 0.99999)).toBe(true);
    expect(meetsTarget({ good: 99_998, total: 100_000 }, 0.99999)).toBe(false);
    expect(meetsTarget({ good: 999, total: 1000 }, 0.999)).toBe(true);
    expect(meetsTarget({ good: 7, total: 100 }, 0.07)).toBe(true);
    expect(meetsTarget({ good: 10, total: 10 }, 1)).toBe(true);
    expect(meetsTarget({ good: 9, total: 10 }, 1)).toBe(false);
  });

  it('reads fractional counts exactly and is null without traffic', () => {
    expect(meetsTarget({ good: 998.9999, total: 1000 }, 0.999)).toBe(false);
    expect(meetsTarget({ good: 999.0001, total: 1000 }, 0.999)).toBe(true);
    expect(meetsTarget({ good: 0, total: 0 }, 0.999)).toBeNull();
    expect(() => meetsTarget({ good: 1, total: 1 }, 0)).toThrow(RangeError);
  });
});
