import {
  formatAbsolute,
  formatHours,
  formatRelative,
  formatShare,
  formatUntil,
  formatWhen,
} from './formatOnCallTime';

const NOW = new Date('2026-11-20T12:00:00Z');

describe('on-call time formatting', () => {
  it('formats relative times', () => {
    expect(formatRelative('2026-11-20T15:00:00Z', NOW)).toBe('in 3 hours');
    expect(formatRelative('2026-11-22T12:00:00Z', NOW)).toBe('in 2 days');
    expect(formatRelative('2026-11-20T11:30:00Z', NOW)).toBe('30 minutes ago');
    expect(formatRelative('2026-11-20T12:00:10Z', NOW)).toBe('now');
  });

  it('formats absolute times with the zone name', () => {
    expect(formatAbsolute('2026-11-21T08:00:00Z', 'Europe/Berlin')).toBe(
      'Sat, Nov 21, 09:00 GMT+1',
    );
    expect(formatAbsolute('2026-11-21T08:00:00Z', 'UTC')).toBe(
      'Sat, Nov 21, 08:00 UTC',
    );
  });

  it('says when a shift ends time first, for "until"', () => {
    expect(formatUntil('2026-11-20T15:00:00Z', NOW)).toMatch(
      /^Fri, Nov 20, \d\d:00 .+ \(in 3 hours\)$/,
    );
    expect(formatUntil(null, NOW)).toBe('—');
  });

  it('never shows NaN', () => {
    expect(formatWhen(null, NOW)).toBe('—');
    expect(formatWhen('not a date', NOW)).toBe('—');
    expect(formatHours(Number.NaN)).toBe('—');
    expect(formatShare(null)).toBe('—');
    expect(formatShare(0.256)).toBe('26%');
    expect(formatHours(12.25)).toBe('12.3 h');
  });
});
