/** How requests are retried. */
export interface RetryOptions {
  /** Attempts in total, including the first (default 3). */
  maxAttempts?: number;
  /** Delay before the first retry; doubled for each further retry (default 500 ms). */
  baseDelayMs?: number;
  /** Upper bound of any delay, including one asked for with Retry-After (default 30 s). */
  maxDelayMs?: number;
}

export interface FetchWithRetryOptions extends RetryOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Builds the error thrown when an attempt times out. */
  timeoutError: (timeoutMs: number) => Error;
  /** Builds the error thrown when the server cannot be reached after the last attempt. */
  networkError: (cause: Error) => Error;
  fetchImpl?: typeof fetch;
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Milliseconds asked for by a Retry-After header (seconds or an HTTP date); undefined when absent or invalid. */
export function retryAfterMs(
  header: string | null,
  now = Date.now(),
): number | undefined {
  if (!header) {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim()) * 1000;
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * fetch with a timeout per attempt and retries with exponential backoff on 429, 5xx and network
 * errors (Retry-After is respected, capped at maxDelayMs). Returns the last response, which may be an
 * error status; a timeout is not retried (the caller's budget is spent), nor is the caller's abort.
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: FetchWithRetryOptions,
): Promise<Response> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const fetchImpl = options.fetchImpl ?? fetch;

  for (let attempt = 1; ; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([timeout, options.signal])
      : timeout;
    let response: Response;
    try {
      response = await fetchImpl(url, { ...init, signal });
    } catch (error) {
      if (options.signal?.aborted) {
        throw options.signal.reason;
      }
      if (timeout.aborted) {
        throw options.timeoutError(options.timeoutMs);
      }
      if (attempt >= maxAttempts) {
        throw options.networkError(error as Error);
      }
      await sleep(
        Math.min(baseDelayMs * 2 ** (attempt - 1), maxDelayMs),
        options.signal,
      );
      continue;
    }
    if (!isRetryableStatus(response.status) || attempt >= maxAttempts) {
      return response;
    }
    const delay = Math.min(
      retryAfterMs(response.headers.get('retry-after')) ??
        baseDelayMs * 2 ** (attempt - 1),
      maxDelayMs,
    );
    // Release the connection of the discarded response without waiting for it.
    response.body?.cancel().catch(() => undefined);
    await sleep(delay, options.signal);
  }
}
