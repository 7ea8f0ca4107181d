/**
 * A bounded memo of values computed from their key alone (a parse of a text keyed by the text's hash, for
 * example), so entries never go stale and need no time to live: the least recently used entries are dropped
 * when more than `maxEntries` are stored or their weights add up to more than `maxWeight`. A value heavier
 * than `maxWeight` on its own is returned without being stored.
 */
export class LruCache<T> {
  /** In order of use: the least recently used first. */
  private readonly entries = new Map<string, { value: T; weight: number }>();
  private totalWeight = 0;
  private dropped = 0;

  constructor(
    private readonly options: {
      maxEntries: number;
      maxWeight?: number;
    },
  ) {}

  /** Number of entries stored. */
  get size(): number {
    return this.entries.size;
  }

  /** Entries dropped to make room since the cache was created (a cache that keeps dropping is too small). */
  get evictions(): number {
    return this.dropped;
  }

  /** The value stored under `key`, else `load()`'s result, stored with `weight` (1 unless given). */
  getOrLoad(key: string, load: () => T, weight = 1): T {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.value;
    }
    const value = load();
    const maxWeight = this.options.maxWeight ?? Infinity;
    if (weight > maxWeight) return value;
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    for (const [k, entry] of this.entries) {
      if (
        this.entries.size <= this.options.maxEntries &&
        this.totalWeight <= maxWeight
      ) {
        break;
      }
      this.entries.delete(k);
      this.totalWeight -= entry.weight;
      this.dropped += 1;
    }
    return value;
  }
}
