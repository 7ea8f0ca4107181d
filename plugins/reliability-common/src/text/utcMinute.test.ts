import { utcMinute } from './utcMinute';

describe('utcMinute', () => {
  it('writes an ISO instant to the minute in UTC', () => {
    expect(utcMinute('2026-12-01T20:57:18.424Z')).toBe('2026-12-01 20:57 UTC');
  });
});
