import { formatDate, formatDuration, severityLabel } from './incidentFormat';

describe('incident formatting', () => {
  it.each([
    [null, '—'],
    [NaN, '—'],
    [45, '45 s'],
    [240, '4 min'],
    [3600, '1 h'],
    [5700, '1 h 35 min'],
    [86400 * 2 + 3 * 3600, '2 d 3 h'],
    [86400 * 3, '3 d'],
  ])('formats %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('labels severities and calendar dates', () => {
    expect(severityLabel('sev1')).toBe('SEV-1');
    expect(formatDate('2026-12-04')).toBe('Dec 4, 2026');
    expect(formatDate('soon')).toBe('—');
  });
});
