const EPOCH_SECONDS_THRESHOLD = 1e9;

function seconds(value: string | null): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed || !/^\d+(\.\d+)?$/.test(trimmed)) {
    return undefined;
  }
  return Number(trimmed);
}

/**
 * Milliseconds a provider asks to wait before the next request, from its response headers:
 * `Retry-After` (seconds or an HTTP date), `RateLimit-Reset` / `X-RateLimit-Reset` (seconds until the
 * reset, or its epoch time in seconds) or Opsgenie's `X-RateLimit-Period-In-Sec` (length of the
 * throttling period). Undefined when none is present and valid.
 *
 * @public
 */
export function retryDelayFromHeaders(
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after');
  const retryAfterSeconds = seconds(retryAfter);
  if (retryAfterSeconds !== undefined) {
    return retryAfterSeconds * 1000;
  }
  if (retryAfter) {
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) {
      return Math.max(0, date - now);
    }
  }
  const reset = seconds(
    headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset'),
  );
  if (reset !== undefined) {
    return reset > EPOCH_SECONDS_THRESHOLD
      ? Math.max(0, reset * 1000 - now)
      : reset * 1000;
  }
  const period = seconds(headers.get('x-ratelimit-period-in-sec'));
  return period === undefined ? undefined : period * 1000;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function abortableSleep(
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
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
