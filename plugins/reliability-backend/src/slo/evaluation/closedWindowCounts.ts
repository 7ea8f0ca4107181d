import { SliEventCounts } from '@internal/backstage-plugin-reliability-node';

/**
 * Counts of SLO windows that have closed (a calendar SLO's previous period), kept for `ttlMs` after they were
 * measured, so every collection run does not ask the provider again for a period whose data no longer changes
 * (one more vendor request per objective and run, or one per slice where the provider cannot count slices). Data
 * written late for a closed period shows within `ttlMs`. A measurement that fails is not kept. At most
 * `maxEntries`: entries are kept in the order they expire, so a full cache drops the expired and then the oldest.
 */
export class ClosedWindowCounts {
  private readonly entries = new Map<
    string,
    { expiresAt: number; counts: Promise<SliEventCounts> }
  >();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number },
  ) {}

  /** The counts kept under `key` at `now`, else `measure()`'s, kept. */
  getOrMeasure(
    key: string,
    now: Date,
    measure: () => Promise<SliEventCounts>,
  ): Promise<SliEventCounts> {
    const at = now.getTime();
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > at) return kept.counts;
    this.entries.delete(key);
    for (const [k, entry] of this.entries) {
      if (entry.expiresAt > at && this.entries.size < this.options.maxEntries) {
        break;
      }
      this.entries.delete(k);
    }
    const entry = { expiresAt: at + this.options.ttlMs, counts: measure() };
    this.entries.set(key, entry);
    entry.counts.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.counts;
  }

  /** How many measurements are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
