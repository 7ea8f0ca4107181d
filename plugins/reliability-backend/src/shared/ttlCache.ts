/**
 * A small time-bounded memo for values read from outside (documents behind an annotation, measured counts of a
 * closed SLO window, for example): a value is kept for `ttlMs` after it was stored; storing into a full cache first
 * drops the expired entries and, while the cache is still full, the oldest ones.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { expiresAt: number; value: T }>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      /** The cache's clock (default: the wall clock), unless a lookup says its own time. */
      now?: () => Date;
    },
  ) {}

  /**
   * The value stored under `key` if it has not expired at `at` (default: the cache's clock), else `load()`'s result,
   * stored.
   */
  getOrLoad(key: string, load: () => T, at?: Date): T {
    const now = this.timeOf(at);
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.value;
    }
    const value = load();
    // Stored anew at the end, so entries stay in the order they expire (one time to live) and the sweep of a
    // full cache stops at the first entry it keeps instead of visiting every entry on every store.
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      for (const [k, entry] of this.entries) {
        if (
          entry.expiresAt > now &&
          this.entries.size < this.options.maxEntries
        ) {
          break;
        }
        this.entries.delete(k);
      }
    }
    this.entries.set(key, { expiresAt: now + this.options.ttlMs, value });
    return value;
  }

  /** The value stored under `key` if it has not expired at `at` (default: the cache's clock), else undefined. */
  get(key: string, at?: Date): T | undefined {
    const cached = this.entries.get(key);
    return cached && cached.expiresAt > this.timeOf(at)
      ? cached.value
      : undefined;
  }

  /** Whether a value is stored under `key` that has not expired at `at` (default: the cache's clock). */
  has(key: string, at?: Date): boolean {
    return this.get(key, at) !== undefined;
  }

  /** Drops `key` if it still holds `value` (a load that failed, so that the next lookup loads again). */
  forget(key: string, value: T): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  /** How many values are stored (expired ones included until they are dropped). */
  get size(): number {
    return this.entries.size;
  }

  /** A lookup's time in epoch ms: `at`, else the cache's clock, else the wall clock. */
  private timeOf(at?: Date): number {
    return (at ?? this.options.now?.() ?? new Date()).getTime();
  }
}

/**
 * {@link TtlCache.getOrLoad} for a value read asynchronously: the pending read is kept (concurrent lookups share it),
 * and forgotten if it fails, so a failure is never kept and the next lookup reads again.
 */
export function getOrLoadUnlessFailed<V>(
  cache: TtlCache<Promise<V>>,
  key: string,
  load: () => Promise<V>,
  at?: Date,
): Promise<V> {
  const value = cache.getOrLoad(key, load, at);
  value.catch(() => cache.forget(key, value));
  return value;
}
