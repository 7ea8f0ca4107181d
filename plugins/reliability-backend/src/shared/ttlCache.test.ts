import { getOrLoadUnlessFailed, TtlCache } from './ttlCache';

describe('TtlCache', () => {
  it('loads once within the time to live, again after it, and drops entries when full', () => {
    let now = 0;
    const cache = new TtlCache<number>({
      ttlMs: 1000,
      maxEntries: 2,
      now: () => new Date(now),
    });
    const load = jest.fn(() => 1);
    expect(cache.has('a')).toBe(false);
    expect(cache.getOrLoad('a', load)).toBe(1);
    expect(cache.getOrLoad('a', load)).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('a', new Date(999))).toBe(true);
    expect(cache.has('a', new Date(1000))).toBe(false);

    now = 1000;
    expect(cache.has('a')).toBe(false);
    cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(2);

    // Full: storing a third key drops what is there, so 'a' is loaded again.
    cache.getOrLoad('b', () => 2);
    cache.getOrLoad('c', () => 3);
    cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('drops the oldest entries of a full cache first and keeps the newer ones', () => {
    let now = 0;
    const cache = new TtlCache<string>({
      ttlMs: 1000,
      maxEntries: 3,
      now: () => new Date(now),
    });
    const load = jest.fn((key: string) => key);
    const get = (key: string) => cache.getOrLoad(key, () => load(key));
    get('a');
    now = 10;
    get('b');
    get('c');
    // Reloading an expired entry makes it the newest.
    now = 1005;
    get('a');
    get('d');
    get('c');
    get('a');
    expect(load.mock.calls.map(([key]) => key)).toEqual([
      'a',
      'b',
      'c',
      'a',
      'd',
    ]);
    get('b');
    expect(load).toHaveBeenCalledTimes(6);
  });

  describe('with the time given per lookup, holding pending loads (closed SLO windows)', () => {
    const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 0, minutes));
    const counts = (good: number) => async () => ({ good, total: 10 });

    it('keeps a value for its time to live at the lookups’ time, then loads again', async () => {
      const cache = new TtlCache<Promise<{ good: number; total: number }>>({
        ttlMs: 60 * 60_000,
        maxEntries: 10,
      });
      const measure = jest.fn(counts(9));
      await cache.getOrLoad('a', measure, t(0));
      await cache.getOrLoad('a', measure, t(59));
      expect(measure).toHaveBeenCalledTimes(1);
      await expect(cache.getOrLoad('a', counts(8), t(60))).resolves.toEqual({
        good: 8,
        total: 10,
      });
    });

    it('drops the expired, then the oldest, when full', async () => {
      const cache = new TtlCache<Promise<{ good: number; total: number }>>({
        ttlMs: 10 * 60_000,
        maxEntries: 2,
      });
      await cache.getOrLoad('a', counts(1), t(0));
      await cache.getOrLoad('b', counts(2), t(5));
      await cache.getOrLoad('c', counts(3), t(6));
      expect(cache.size).toBe(2);
      const measure = jest.fn(counts(4));
      // 'a' was the oldest: loaded again; 'c' is kept.
      await cache.getOrLoad('a', measure, t(7));
      await cache.getOrLoad('c', measure, t(7));
      expect(measure).toHaveBeenCalledTimes(1);
      // At 16 minutes 'c' (stored at 6) has expired and goes on the next store.
      await cache.getOrLoad('d', counts(5), t(16));
      expect(cache.size).toBe(2);
    });

    it('keeps a pending read for concurrent lookups and never keeps one that failed (getOrLoadUnlessFailed)', async () => {
      const cache = new TtlCache<Promise<{ good: number; total: number }>>({
        ttlMs: 60 * 60_000,
        maxEntries: 10,
      });
      const down = jest.fn(async () => {
        throw new Error('vendor down');
      });
      const first = getOrLoadUnlessFailed(cache, 'a', down, t(0));
      const concurrent = getOrLoadUnlessFailed(cache, 'a', down, t(0));
      expect(concurrent).toBe(first);
      await expect(first).rejects.toThrow('vendor down');
      expect(down).toHaveBeenCalledTimes(1);
      expect(cache.has('a', t(0))).toBe(false);
      const measure = jest.fn(counts(9));
      await expect(
        getOrLoadUnlessFailed(cache, 'a', measure, t(1)),
      ).resolves.toEqual({ good: 9, total: 10 });
      await getOrLoadUnlessFailed(cache, 'a', measure, t(2));
      expect(measure).toHaveBeenCalledTimes(1);
    });

    it('forgets a load that failed, and only that one', async () => {
      const cache = new TtlCache<Promise<{ good: number; total: number }>>({
        ttlMs: 60 * 60_000,
        maxEntries: 10,
      });
      const failed = cache.getOrLoad(
        'a',
        async () => {
          throw new Error('vendor down');
        },
        t(0),
      );
      await expect(failed).rejects.toThrow('vendor down');
      cache.forget('a', failed);
      await expect(cache.getOrLoad('a', counts(7), t(1))).resolves.toEqual({
        good: 7,
        total: 10,
      });
      // A stale failure does not drop the value stored since.
      cache.forget('a', failed);
      await expect(cache.getOrLoad('a', counts(6), t(2))).resolves.toEqual({
        good: 7,
        total: 10,
      });
    });
  });
});
