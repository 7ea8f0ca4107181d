import { deadlineSignal } from '@internal/backstage-plugin-reliability-node';

/** A provider call that did not answer in time or failed. */
export class SliProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SliProviderError';
  }
}

/**
 * Runs a provider call with a deadline: the call gets an AbortSignal that fires at the deadline (and tells it to
 * the provider's HTTP client, so no retry or budget wait outlives it), and the result is abandoned then even if
 * the provider ignores the signal. `waitUntil` (epoch ms, e.g. the end of a refresh cycle) ends waits for vendor
 * budget turns earlier: past it, a request the budget has no room for is refused at once.
 */
export async function callWithTimeout<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  what: string,
  waitUntil?: number,
): Promise<T> {
  const signal = deadlineSignal(timeoutMs, { waitUntil });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new SliProviderError(`${what} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
