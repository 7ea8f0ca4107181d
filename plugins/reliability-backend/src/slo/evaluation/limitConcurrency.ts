/** Runs at most `limit` of the calls given to the returned function at a time (the others wait their turn). */
export function limitConcurrency(
  limit: number,
): <T>(call: () => Promise<T>) => Promise<T> {
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
