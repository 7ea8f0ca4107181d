import { chunk } from './chunk';

/** A batch of a rotated walk: its items and the position (in the walk's full order) of the first one. */
export interface PositionedBatch<T> {
  items: T[];
  position: number;
}

/**
 * Walks pages (e.g. of catalog entities) starting at position `startAt` of their full order: yields each page's
 * items from `startAt` on as the pages come, then the items before `startAt` in batches of `deferredBatchSize`.
 * Batches come in the run's order, each with the position of its first item, so a refresher can start where its
 * last run stopped or ran out of vendor budget (and note where this one does) and every item still gets its turn.
 * A `startAt` beyond the end (the list shrank) defers everything: the walk then starts at the beginning.
 */
export async function* rotatedBatches<T>(
  pages: AsyncIterable<T[]>,
  startAt: number,
  deferredBatchSize: number,
): AsyncGenerator<PositionedBatch<T>> {
  const deferred: T[] = [];
  let pageStart = 0;
  for await (const page of pages) {
    const skip = Math.max(0, Math.min(page.length, startAt - pageStart));
    deferred.push(...page.slice(0, skip));
    const position = pageStart + skip;
    pageStart += page.length;
    if (page.length > skip) yield { items: page.slice(skip), position };
  }
  for (const [i, items] of chunk(deferred, deferredBatchSize).entries()) {
    yield { items, position: i * deferredBatchSize };
  }
}
