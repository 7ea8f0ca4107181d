import { formatDuration, formatRatio } from './format';

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
