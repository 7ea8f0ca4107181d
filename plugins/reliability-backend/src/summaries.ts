/**
 * Each area of the backend that other areas read from exposes a SummarySource: the per-entity state it
 * materialises, for many entities in a constant number of queries (never one round trip per entity).
 */
export interface SummarySource<T> {
  /** Summaries for the given normalised entity refs; entities without data are absent from the map. */
  getSummaries(entityRefs: string[]): Promise<Map<string, T>>;
}

/**
 * A summary source an area needs before the area that provides it exists (the checklist reads the policy area's
 * deploy-gate answers, and the policy area reads the checklist's history): read through it once `provide` was called;
 * until then reading fails, which the reader treats like an area that cannot be read right now.
 */
export class LateSummarySource<T> implements SummarySource<T> {
  private source?: SummarySource<T>;

  constructor(private readonly what: string) {}

  provide(source: SummarySource<T>): void {
    this.source = source;
  }

  getSummaries(entityRefs: string[]): Promise<Map<string, T>> {
    if (!this.source) {
      return Promise.reject(new Error(`${this.what} is not wired yet`));
    }
    return this.source.getSummaries(entityRefs);
  }
}
