import { formatCadence, isoDurationSeconds } from './backgroundWorkFormat';

describe('backgroundWorkFormat', () => {
  it('reads the ISO durations the scheduler writes', () => {
    expect(isoDurationSeconds('PT5M')).toBe(300);
    expect(isoDurationSeconds('PT1H30M')).toBe(5400);
    expect(isoDurationSeconds('P1D')).toBe(86_400);
    expect(isoDurationSeconds('PT0.5S')).toBe(0.5);
    expect(isoDurationSeconds('P')).toBeUndefined();
    expect(isoDurationSeconds('0 3 * * *')).toBeUndefined();
  });

  it('says a cadence in words', () => {
    expect(formatCadence('PT5M')).toBe('every 5 min');
    expect(formatCadence('PT24H')).toBe('every 1 d');
    expect(formatCadence('0 3 * * *')).toBe('cron 0 3 * * *');
    expect(formatCadence('manual')).toBe('on demand');
  });
});
