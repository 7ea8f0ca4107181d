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
});
