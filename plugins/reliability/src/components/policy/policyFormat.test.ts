import { formatHeldFor, formatWhen } from './policyFormat';

describe('policy formatting', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    ['2026-11-19T11:00:00Z', 'for 3 days'],
    ['2026-11-21T11:00:00Z', 'for 1 day'],
    ['2026-11-22T07:00:00Z', 'for 5 hours'],
    ['2026-11-22T11:58:30Z', 'for 1 minute'],
    ['2026-11-22T11:59:30Z', 'just now'],
    ['2026-11-22T12:05:00Z', 'just now'],
    [null, ''],
    ['garbage', ''],
  ])('says how long since %s: %s', (since, expected) => {
    expect(formatHeldFor(since, now)).toBe(expected);
  });

  it('formats a missing time as a dash', () => {
    expect(formatWhen(undefined)).toBe('—');
    expect(formatWhen('2026-11-22T12:00:00Z')).toMatch(/Nov 22/);
  });
});
