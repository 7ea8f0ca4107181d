import {
  isAtLeastAsSevere,
  parseIncidentSeverity,
  severityRank,
} from './severity';

describe('parseIncidentSeverity', () => {
  it.each([
    ['sev1', 'sev1'],
    ['SEV-2', 'sev2'],
    ['Sev 3', 'sev3'],
    ['severity_4', 'sev4'],
    ['P1', 'sev1'],
    ['p5', 'sev5'],
    ['priority2', 'sev2'],
    [' 3 ', 'sev3'],
  ])('reads %p as %p', (text, expected) => {
    expect(parseIncidentSeverity(text)).toBe(expected);
  });

  it.each(['sev0', 'sev6', 'P10', 'critical', '', 'sev1x', null, undefined])(
    'rejects %p',
    text => {
      expect(parseIncidentSeverity(text)).toBeUndefined();
    },
  );
});

describe('severity order', () => {
  it('ranks sev1 first and compares against a threshold', () => {
    expect(severityRank('sev1')).toBe(1);
    expect(severityRank('sev5')).toBe(5);
    expect(isAtLeastAsSevere('sev1', 'sev2')).toBe(true);
    expect(isAtLeastAsSevere('sev2', 'sev2')).toBe(true);
    expect(isAtLeastAsSevere('sev3', 'sev2')).toBe(false);
  });
});
