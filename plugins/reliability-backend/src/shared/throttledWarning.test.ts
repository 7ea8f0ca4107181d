import { mockServices } from '@backstage/backend-test-utils';
import { ThrottledWarning } from './throttledWarning';

describe('ThrottledWarning', () => {
  it('logs the first warning, none within the interval, the next one after it', () => {
    const logger = mockServices.logger.mock();
    let now = new Date('2026-12-01T10:00:00Z');
    const warning = new ThrottledWarning({
      logger,
      intervalMs: 60_000,
      now: () => now,
    });
    expect(warning.warn('first')).toBe(true);
    now = new Date('2026-12-01T10:00:59Z');
    expect(warning.warn(() => 'too soon')).toBe(false);
    now = new Date('2026-12-01T10:01:00Z');
    expect(warning.warn(() => 'again')).toBe(true);
    expect(logger.warn.mock.calls.map(call => call[0])).toEqual([
      'first',
      'again',
    ]);
  });

  it('logs nothing without a logger', () => {
    const warning = new ThrottledWarning({
      intervalMs: 60_000,
      now: () => new Date(),
    });
    expect(warning.warn('unheard')).toBe(false);
  });
});
