/** Runs at most `limit` of the calls given to the returned function at a time (the others wait their turn). */
export function limitConcurrency(
  limit: number,
): <T>(call: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Concurrency limit must be a positive integer, got ${limit}`);
  }
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (running >= limit) {
      await new Promise<void>(resolve => waiting.push(resolve));
    }
    running += 1;
    try {
      return await call();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * Maps every item with `fn`, at most `limit` calls at a time, and returns the results in the items' order.
 * A rejected call rejects the whole map (like Promise.all); calls already started still run to completion.
 * Catch inside `fn` to keep going past a failing item.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limited = limitConcurrency(limit);
  return Promise.all(items.map((item, index) => limited(() => fn(item, index))));
}
