/**
 * Each area of the backend that other areas read from exposes a SummarySource: the per-entity state it
 * materialises, for many entities in a constant number of queries (never one round trip per entity).
 */
export interface SummarySource<T> {
  /** Summaries for the given normalised entity refs; entities without data are absent from the map. */
  getSummaries(entityRefs: string[]): Promise<Map<string, T>>;
}
