import {
  formatAttainment,
  formatBudgetRemaining,
  formatBurnRate,
  formatBurnRateThreshold,
  formatDuration,
  formatRatio,
} from './format';

describe('formatRatio', () => {
  it('formats ratios as trimmed percentages', () => {
    expect(formatRatio(0.99912)).toBe('99.912%');
    expect(formatRatio(0.5)).toBe('50%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(-999)).toBe('-99900%');
    expect(formatRatio(0.123456, 1)).toBe('12.3%');
  });

  it('renders null, NaN and Infinity as a dash', () => {
    expect(formatRatio(null)).toBe('—');
    expect(formatRatio(undefined)).toBe('—');
    expect(formatRatio(NaN)).toBe('—');
    expect(formatRatio(Infinity)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('shows the largest unit and the next one when non-zero', () => {
    expect(formatDuration(129.6)).toBe('2m 10s');
    expect(formatDuration(30 * 86400)).toBe('30d');
    expect(formatDuration(2592)).toBe('43m 12s');
    expect(formatDuration(3 * 86400 + 5 * 60)).toBe('3d');
    expect(formatDuration(90000)).toBe('1d 1h');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(0.2)).toBe('<1s');
  });

  it('renders null, negative, NaN and Infinity as a dash', () => {
    for (const value of [null, undefined, -1, NaN, Infinity]) {
      expect(formatDuration(value)).toBe('—');
    }
  });
});

describe('formatAttainment', () => {
  it('rounds down, so 99.9986% never shows as a met 99.999%', () => {
    expect(formatRatio(0.999986)).toBe('99.999%'); // toFixed rounds up: flattering
    expect(formatAttainment(0.999986)).toBe('99.998%');
    expect(formatAttainment({ good: 999_986, total: 1_000_000 })).toBe(
      '99.998%',
    );
    expect(formatAttainment({ good: 2, total: 3 }, 1)).toBe('66.6%');
  });

  it('keeps exact values exact and trims zeros like formatRatio', () => {
    expect(formatAttainment(0.999)).toBe('99.9%');
    expect(formatAttainment({ good: 999, total: 1000 })).toBe('99.9%');
    expect(formatAttainment(1)).toBe('100%');
    expect(formatAttainment(0)).toBe('0%');
    expect(formatAttainment(0.5)).toBe('50%');
    expect(formatAttainment(1e-7)).toBe('0%');
    expect(formatAttainment({ good: 99_999_999, total: 100_000_000 })).toBe(
      '99.999%',
    );
  });

  it('renders missing data as a dash', () => {
    for (const value of [
      null,
      undefined,
      NaN,
      Infinity,
      { good: 0, total: 0 },
    ]) {
      expect(formatAttainment(value)).toBe('—');
    }
  });
});

describe('burn rates and budgets', () => {
  it('formats measured burn rates, thresholds and unbounded burn', () => {
    expect(formatBurnRate(2.54)).toBe('2.5×');
    expect(formatBurnRate(14.4)).toBe('14×');
    expect(formatBurnRate(Infinity)).toBe('unbounded');
    expect(formatBurnRate(null)).toBe('—');
    expect(formatBurnRateThreshold(14.4)).toBe('14.4×');
    expect(formatBurnRateThreshold(3.36)).toBe('3.36×');
    expect(formatBurnRateThreshold(1)).toBe('1×');
  });

  it('says "exhausted" for a spent budget, including a 100% target after a failure', () => {
    expect(formatBudgetRemaining(0.425)).toBe('42.5% left');
    expect(formatBudgetRemaining(0)).toBe('exhausted');
    expect(formatBudgetRemaining(-1.5)).toBe('exhausted (150% overspent)');
    expect(formatBudgetRemaining(null)).toBe('no data');
  });

  it('never prints NaN or Infinity', () => {
    const values = [NaN, Infinity, -Infinity, null, undefined, -0];
    for (const value of values) {
      for (const text of [
        formatRatio(value),
        formatAttainment(value),
        formatBurnRate(value),
        formatBurnRateThreshold(value),
        formatBudgetRemaining(value),
        formatDuration(value),
      ]) {
        expect(text).not.toMatch(/NaN|Infinity/);
      }
    }
  });
});
