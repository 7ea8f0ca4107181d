import { ClosedWindowCounts } from './closedWindowCounts';

describe('ClosedWindowCounts', () => {
  const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 0, minutes));
  const counts = (good: number) => async () => ({ good, total: 10 });

  it('keeps a measurement for its time to live, then measures again', async () => {
    const cache = new ClosedWindowCounts({
      ttlMs: 60 * 60_000,
      maxEntries: 10,
    });
    const measure = jest.fn(counts(9));
    await cache.getOrMeasure('a', t(0), measure);
    await cache.getOrMeasure('a', t(59), measure);
    expect(measure).toHaveBeenCalledTimes(1);
    await expect(cache.getOrMeasure('a', t(60), counts(8))).resolves.toEqual({
      good: 8,
      total: 10,
    });
  });

  it('drops the expired, then the oldest, when full', async () => {
    const cache = new ClosedWindowCounts({ ttlMs: 10 * 60_000, maxEntries: 2 });
    await cache.getOrMeasure('a', t(0), counts(1));
    await cache.getOrMeasure('b', t(5), counts(2));
    await cache.getOrMeasure('c', t(6), counts(3));
    expect(cache.size).toBe(2);
    const measure = jest.fn(counts(4));
    // 'a' was the oldest: measured again; 'c' is kept.
    await cache.getOrMeasure('a', t(7), measure);
    await cache.getOrMeasure('c', t(7), measure);
    expect(measure).toHaveBeenCalledTimes(1);
    // At 16 minutes 'c' (stored at 6) has expired and goes on the next store.
    await cache.getOrMeasure('d', t(16), counts(5));
    expect(cache.size).toBe(2);
  });

  it('forgets a measurement that failed', async () => {
    const cache = new ClosedWindowCounts({
      ttlMs: 60 * 60_000,
      maxEntries: 10,
    });
    await expect(
      cache.getOrMeasure('a', t(0), async () => {
        throw new Error('vendor down');
      }),
    ).rejects.toThrow('vendor down');
    await expect(cache.getOrMeasure('a', t(1), counts(7))).resolves.toEqual({
      good: 7,
      total: 10,
    });
  });
});
