import { abortableSleep, retryDelayFromHeaders } from './retryDelay';

describe('retryDelayFromHeaders', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');

  it.each([
    ['Retry-After in seconds', { 'Retry-After': '3' }, 3000],
    [
      'Retry-After as a date',
      { 'Retry-After': 'Fri, 20 Nov 2026 12:00:05 GMT' },
      5000,
    ],
    [
      'Retry-After in the past',
      { 'Retry-After': 'Fri, 20 Nov 2026 11:00:00 GMT' },
      0,
    ],
    ['RateLimit-Reset in seconds', { 'RateLimit-Reset': '7' }, 7000],
    [
      'X-RateLimit-Reset as epoch seconds',
      { 'X-RateLimit-Reset': String(now / 1000 + 4) },
      4000,
    ],
    [
      'X-RateLimit-Period-In-Sec',
      { 'X-RateLimit-Period-In-Sec': '60' },
      60_000,
    ],
    [
      'Retry-After before the others',
      { 'Retry-After': '1', 'RateLimit-Reset': '9' },
      1000,
    ],
    ['no header', {}, undefined],
    [
      'invalid values',
      { 'Retry-After': 'soon', 'RateLimit-Reset': '-1' },
      undefined,
    ],
  ])('reads %s', (_, headers, expected) => {
    expect(retryDelayFromHeaders(new Headers(headers), now)).toBe(expected);
  });
});

describe('abortableSleep', () => {
  it('rejects with the reason when aborted', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});
