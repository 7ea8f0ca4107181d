import { LruCache } from './lruCache';

describe('LruCache', () => {
  it('loads a key once and drops the least recently used entry when full', () => {
    const cache = new LruCache<string>({ maxEntries: 2 });
    const load = jest.fn((key: string) => key.toUpperCase());
    const get = (key: string) => cache.getOrLoad(key, () => load(key));

    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(get('a')).toBe('A');
    expect(load).toHaveBeenCalledTimes(2);

    // 'b' is the least recently used: storing 'c' drops it, 'a' stays.
    get('c');
    expect(cache.size).toBe(2);
    get('a');
    expect(load).toHaveBeenCalledTimes(3);
    get('b');
    expect(load).toHaveBeenCalledTimes(4);
    expect(load.mock.calls.map(([key]) => key)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps the total weight under its bound and never stores a value heavier than it', () => {
    const cache = new LruCache<number>({ maxEntries: 100, maxWeight: 10 });
    const load = jest.fn(() => 1);
    cache.getOrLoad('a', load, 6);
    cache.getOrLoad('b', load, 4);
    expect(cache.size).toBe(2);
    // 6 + 4 + 3 > 10: the least recently used ('a') goes.
    cache.getOrLoad('c', load, 3);
    expect(cache.size).toBe(2);
    cache.getOrLoad('b', load, 4);
    expect(load).toHaveBeenCalledTimes(3);
    cache.getOrLoad('a', load, 6);
    expect(load).toHaveBeenCalledTimes(4);

    expect(cache.getOrLoad('huge', () => 42, 11)).toBe(42);
    expect(cache.getOrLoad('huge', () => 43, 11)).toBe(43);
    expect(cache.size).toBeGreaterThan(0);
  });
});
