/** Options of a JSON-over-HTTP client with timeouts and retries. */
export interface HttpClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** Time limit of one attempt. */
  timeoutMs: number;
  /** Retries after the first attempt on 429, 5xx and network errors. */
  maxRetries: number;
  /** First backoff delay; doubles on each retry (with jitter). */
  initialBackoffMs: number;
  /** Longest wait honoured from a Retry-After / rate-limit header. */
  maxRetryDelayMs: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** A failed API call: the HTTP status (0 for network errors and timeouts) and a readable message. */
export class OpsgenieApiError extends Error {
  name = 'OpsgenieApiError';
  constructor(message: string, readonly status: number, readonly path: string) {
    super(message);
  }
}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Milliseconds to wait as told by Retry-After (seconds or HTTP date), `X-RateLimit-Reset`, or Opsgenie's
 * `X-RateLimit-Period-In-Sec` (the length of the throttling period).
 */
export function retryDelayFromHeaders(
  headers: Headers,
  now = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = Number(
    headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset'),
  );
  if (Number.isFinite(reset) && reset > 0) {
    // Either seconds until reset or an epoch timestamp in seconds.
    return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  }
  const period = Number(headers.get('x-ratelimit-period-in-sec'));
  if (Number.isFinite(period) && period > 0) return period * 1000;
  return undefined;
}

function describeStatus(status: number): string {
  switch (status) {
    case 401:
      return 'the API key was rejected (check reliability.opsgenie.apiKey)';
    case 403:
      return 'the API key may not read this resource';
    case 404:
      return 'not found';
    case 429:
      return 'rate limited';
    default:
      return status >= 500 ? 'Opsgenie is unavailable' : 'request failed';
  }
}

/** Minimal JSON client: GET with query parameters, timeouts, and backoff on 429/5xx/network errors. */
export class HttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: HttpClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async get<T>(
    path: string,
    query: Array<[string, string]> = [],
    signal?: AbortSignal,
  ): Promise<T> {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`);
    for (const [key, value] of query) url.searchParams.append(key, value);
    for (let attempt = 0; ; attempt++) {
      const backoff =
        this.options.initialBackoffMs *
        2 ** attempt *
        (0.5 + Math.random() / 2);
      let response: Response;
      try {
        const timeout = AbortSignal.timeout(this.options.timeoutMs);
        response = await this.fetchImpl(url, {
          headers: this.options.headers,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        if (attempt < this.options.maxRetries) {
          await this.sleep(backoff);
          continue;
        }
        throw new OpsgenieApiError(
          `Opsgenie GET ${path} failed: ${(error as Error).message}`,
          0,
          path,
        );
      }
      if (response.ok) return (await response.json()) as T;
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < this.options.maxRetries) {
        const told = retryDelayFromHeaders(response.headers);
        await this.sleep(
          Math.min(told ?? backoff, this.options.maxRetryDelayMs),
        );
        continue;
      }
      let detail = '';
      try {
        const body = (await response.json()) as { message?: string };
        if (body?.message) detail = `: ${body.message}`;
      } catch {
        // Not JSON; the status says enough.
      }
      throw new OpsgenieApiError(
        `Opsgenie GET ${path} answered HTTP ${
          response.status
        }, ${describeStatus(response.status)}${detail}`,
        response.status,
        path,
      );
    }
  }
}
