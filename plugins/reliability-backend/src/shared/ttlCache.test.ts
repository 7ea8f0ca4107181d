import { TtlCache } from './ttlCache';

describe('TtlCache', () => {
  it('loads once within the time to live, again after it, and drops entries when full', () => {
    let now = 0;
    const cache = new TtlCache<number>({
      ttlMs: 1000,
      maxEntries: 2,
      now: () => new Date(now),
    });
    const load = jest.fn(() => 1);
    expect(cache.getOrLoad('a', load)).toBe(1);
    expect(cache.getOrLoad('a', load)).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);

    now = 1000;
    cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(2);

    // Full: storing a third key drops what is there, so 'a' is loaded again.
    cache.getOrLoad('b', () => 2);
    cache.getOrLoad('c', () => 3);
    cache.getOrLoad('a', load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
