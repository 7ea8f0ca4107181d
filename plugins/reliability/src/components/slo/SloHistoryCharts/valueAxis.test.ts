import { maxOfRows, niceValueTicks } from './valueAxis';

describe('niceValueTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten from 0 to at least the largest value', () => {
    // recharts drew 0, 0.65, 1.3, 1.95, 2.6 and 0, 0.09, 0.18, 0.27, 0.36 for these.
    expect(niceValueTicks(2.6)).toEqual([0, 1, 2, 3]);
    expect(niceValueTicks(0.36)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceValueTicks(1.02)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceValueTicks(24)).toEqual([0, 10, 20, 30]);
    expect(niceValueTicks(14.4)).toEqual([0, 5, 10, 15]);
    expect(niceValueTicks(1000)).toEqual([0, 500, 1000]);
    expect(niceValueTicks(0.0007)).toEqual([0, 0.0002, 0.0004, 0.0006, 0.0008]);
  });

  it('has ticks without floating-point noise', () => {
    for (const max of [0.3, 0.7, 0.07, 3.3, 0.123, 77, 0.0009]) {
      for (const tick of niceValueTicks(max)) {
        expect(String(tick)).toMatch(/^\d+(\.\d{1,4})?$/);
      }
      const ticks = niceValueTicks(max);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it('runs from 0 to 1 without a positive value', () => {
    expect(niceValueTicks(0)).toEqual([0, 1]);
    expect(niceValueTicks(Number.NaN)).toEqual([0, 1]);
    expect(niceValueTicks(Infinity)).toEqual([0, 1]);
  });
});

describe('maxOfRows', () => {
  it('takes the largest finite value of the keys, skipping gaps', () => {
    expect(
      maxOfRows(
        [
          { at: 99, a: 0.2, b: null },
          { at: 100, a: null, b: 2.6 },
          { at: 101, a: Number.NaN, b: 1 },
        ],
        ['a', 'b'],
      ),
    ).toBe(2.6);
    expect(maxOfRows([], ['a'])).toBe(0);
  });
});
