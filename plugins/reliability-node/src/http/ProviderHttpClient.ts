import {
  ProviderHttpError,
  ProviderNetworkError,
  ProviderResponseError,
  ProviderResponseTooLargeError,
  ProviderTimeoutError,
} from './errors';
import { signalDeadline } from './deadline';
import { ProviderRequestBudget } from './ProviderRequestBudget';
import { readLimitedText } from './readLimitedText';
import { abortableSleep, retryDelayFromHeaders } from './retryDelay';

/**
 * How failed requests are retried (on network errors, HTTP 429 and 5xx).
 *
 * @public
 */
export interface ProviderRetryOptions {
  /** Attempts in total, including the first. Default 3. */
  maxAttempts?: number;
  /** Delay before the first retry; doubled for each further retry, with jitter. Default 500 ms. */
  baseDelayMs?: number;
  /**
   * Upper bound of one backoff delay. Default 30 s. A delay the provider asks for (Retry-After, ...) is not
   * shortened: it is waited in full, or not at all when it does not fit in `maxTotalDelayMs`.
   */
  maxDelayMs?: number;
  /**
   * Upper bound of all delays of one request: a retry whose delay would exceed what is left of it is not made,
   * and the request fails with the provider's last answer. Default 60 s. A signal made by `deadlineSignal`
   * bounds it further: no retry is made whose delay ends after the caller's deadline.
   */
  maxTotalDelayMs?: number;
}

/**
 * An error answer of a provider (after retries), given to the functions that word the error.
 *
 * @public
 */
export interface ProviderErrorResponse {
  method: string;
  /** The path as requested, without base URL and query. */
  path: string;
  status: number;
  /** The body: parsed JSON, else the text. */
  body: unknown;
  /** The provider's own error message, as extracted by `errorDetail`. */
  detail?: string;
}

/**
 * Options of a ProviderHttpClient.
 *
 * @public
 */
export interface ProviderHttpClientOptions {
  /** Name of the provider, used in every error message (e.g. `PagerDuty`). */
  provider: string;
  /** Base URL that request paths are appended to. */
  baseUrl: string;
  /** Headers of every request (authentication, Accept, ...). */
  headers?: Record<string, string>;
  /** Time limit of one attempt, combined with the caller's signal. */
  timeoutMs: number;
  retry?: ProviderRetryOptions;
  /**
   * Largest response body read, in bytes. Default 5 MiB. Reading stops at the limit and the request fails
   * with a ProviderResponseTooLargeError.
   */
  maxResponseBytes?: number;
  /** Extracts the provider's error message from an error body, for error messages. */
  errorDetail?: (body: unknown) => string | undefined;
  /**
   * Explanations of statuses in the default error message, e.g. `{ 401: 'the token was rejected (check ...)' }`.
   * Without one: 404 not found, 429 rate limited, 5xx unavailable, else request failed.
   */
  statusHints?: Partial<Record<number, string>>;
  /** Milliseconds the provider asks to wait after a 429/5xx answer. Default: `retryDelayFromHeaders`. */
  retryAfterMs?: (response: Response, now: number) => number | undefined;
  /**
   * The vendor's request budget (requests per minute, concurrency), shared by every client of the vendor:
   * each attempt waits for its turn, or fails with a ProviderBudgetExceededError. See `sharedProviderBudget`.
   */
  budget?: ProviderRequestBudget;
  /** For tests. */
  fetch?: typeof fetch;
  /** For tests: waits between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For tests: the current time in epoch milliseconds. */
  now?: () => number;
  /** For tests: the source of jitter, in [0, 1). */
  random?: () => number;
}

/**
 * One request of a ProviderHttpClient.
 *
 * @public
 */
export interface ProviderRequestOptions {
  query?: Record<string, string> | Array<[string, string]>;
  signal?: AbortSignal;
  /**
   * Words the error thrown for an error answer: a string becomes the message of the ProviderHttpError, an Error
   * is thrown as is, undefined keeps the default message.
   */
  describeError?: (
    response: ProviderErrorResponse,
  ) => string | Error | undefined;
}

const BODY_EXCERPT_LENGTH = 500;
const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Error bodies only feed messages and excerpts: read less of them. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * HTTP client of an external provider: a time limit per attempt (combined with the caller's signal), retries with
 * exponential backoff and jitter on network errors, 429 and 5xx, waiting as long as Retry-After and rate-limit
 * headers ask (or giving up when that exceeds the retry budget), a size limit on response bodies, and typed
 * errors naming the provider. A timeout is not retried: the attempt's budget is spent and the provider is likely
 * overloaded. The caller's abort stops at once with its reason, and no retry is made past the deadline of a
 * signal made by `deadlineSignal`. With a `budget`, every attempt waits for its turn in the vendor's budget.
 *
 * @public
 */
export class ProviderHttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly retry: Required<ProviderRetryOptions>;
  private readonly maxResponseBytes: number;

  constructor(private readonly options: ProviderHttpClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? abortableSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.retry = {
      maxAttempts: Math.max(1, options.retry?.maxAttempts ?? 3),
      baseDelayMs: options.retry?.baseDelayMs ?? 500,
      maxDelayMs: options.retry?.maxDelayMs ?? 30_000,
      maxTotalDelayMs: options.retry?.maxTotalDelayMs ?? 60_000,
    };
    this.maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  get provider(): string {
    return this.options.provider;
  }

  /** GETs `path` (relative to the base URL) and resolves with the successful (2xx) response. */
  async get(
    path: string,
    request: ProviderRequestOptions = {},
  ): Promise<Response> {
    const { provider, timeoutMs } = this.options;
    const { signal } = request;
    const url = this.url(path, request.query);
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      const release = await this.options.budget?.acquire(signal);
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          headers: this.options.headers,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        release?.();
        if (signal?.aborted) {
          throw signal.reason;
        }
        if (timeout.aborted) {
          throw this.timeoutError();
        }
        const delay = this.nextDelay(attempt, waitedMs, undefined, signal);
        if (delay === undefined) {
          throw new ProviderNetworkError(
            provider,
            `${provider} could not be reached at ${url.origin}`,
            error,
          );
        }
        waitedMs += delay;
        await this.sleep(delay, signal);
        continue;
      }
      release?.();
      if (response.ok) {
        return response;
      }
      const retryable = isRetryableStatus(response.status);
      const askedMs = retryable ? this.retryAfterMs(response) : undefined;
      const delay = retryable
        ? this.nextDelay(attempt, waitedMs, askedMs, signal)
        : undefined;
      if (delay === undefined) {
        throw await this.errorFor(response, path, request, askedMs);
      }
      // Release the connection of the discarded answer without waiting for it.
      response.body?.cancel().catch(() => undefined);
      waitedMs += delay;
      await this.sleep(delay, signal);
    }
  }

  /** Like `get`, resolving with the parsed JSON body. */
  async getJson(
    path: string,
    request: ProviderRequestOptions = {},
  ): Promise<unknown> {
    const response = await this.get(path, request);
    const tooLarge = () =>
      new ProviderResponseTooLargeError(
        this.provider,
        `${this.provider} answered GET ${path} with more than ${this.maxResponseBytes} bytes; reading stopped there`,
        this.maxResponseBytes,
      );
    if (
      Number(response.headers.get('content-length')) > this.maxResponseBytes
    ) {
      response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    let text: string;
    try {
      const body = await readLimitedText(response, this.maxResponseBytes);
      if (body.truncated) {
        throw tooLarge();
      }
      text = body.text;
    } catch (error) {
      if (error instanceof ProviderResponseTooLargeError) {
        throw error;
      }
      if (request.signal?.aborted) {
        throw request.signal.reason;
      }
      if ((error as Error)?.name === 'TimeoutError') {
        throw this.timeoutError();
      }
      throw new ProviderNetworkError(
        this.provider,
        `${this.provider} broke off its answer to GET ${path}`,
        error,
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new ProviderResponseError(
        this.provider,
        `${this.provider} answered GET ${path} with a body that is not JSON`,
      );
    }
  }

  private url(path: string, query: ProviderRequestOptions['query']): URL {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`);
    for (const [key, value] of new URLSearchParams(query)) {
      url.searchParams.append(key, value);
    }
    return url;
  }

  private timeoutError(): ProviderTimeoutError {
    const { provider, timeoutMs, baseUrl } = this.options;
    return new ProviderTimeoutError(
      provider,
      `${provider} did not answer within ${timeoutMs} ms (${
        new URL(baseUrl).origin
      })`,
    );
  }

  private retryAfterMs(response: Response): number | undefined {
    const now = this.now();
    return this.options.retryAfterMs
      ? this.options.retryAfterMs(response, now)
      : retryDelayFromHeaders(response.headers, now);
  }

  /**
   * The delay before the next attempt: what the provider asked for, in full, else the capped backoff.
   * Undefined when no attempt is left or the delay does not fit in what is left of the retry budget or before
   * the caller's deadline.
   */
  private nextDelay(
    attempt: number,
    waitedMs: number,
    askedMs: number | undefined,
    signal: AbortSignal | undefined,
  ): number | undefined {
    const { maxAttempts, baseDelayMs, maxDelayMs, maxTotalDelayMs } =
      this.retry;
    if (attempt >= maxAttempts) {
      return undefined;
    }
    const backoff =
      baseDelayMs * 2 ** (attempt - 1) * (0.5 + this.random() / 2);
    const delay = askedMs ?? Math.min(backoff, maxDelayMs);
    if (waitedMs + delay > maxTotalDelayMs) {
      return undefined;
    }
    const deadline = signalDeadline(signal);
    return deadline !== undefined && this.now() + delay >= deadline
      ? undefined
      : delay;
  }

  private async errorFor(
    response: Response,
    path: string,
    request: ProviderRequestOptions,
    retryAfterMs: number | undefined,
  ): Promise<Error> {
    const { provider, statusHints, errorDetail } = this.options;
    const text = await readLimitedText(
      response,
      Math.min(this.maxResponseBytes, MAX_ERROR_BODY_BYTES),
    )
      .then(body => body.text)
      .catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    const { status } = response;
    const failure: ProviderErrorResponse = {
      method: 'GET',
      path,
      status,
      body,
      detail: errorDetail?.(body) || undefined,
    };
    const described = request.describeError?.(failure);
    if (described instanceof Error) {
      return described;
    }
    let hint = statusHints?.[status];
    if (!hint) {
      if (status === 404) hint = 'not found';
      else if (status === 429) hint = 'rate limited';
      else if (status >= 500) hint = `${provider} is unavailable`;
      else hint = 'request failed';
    }
    const retryAfter =
      retryAfterMs === undefined
        ? ''
        : ` (asked to retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
    const message =
      described ??
      `${provider} GET ${path} answered HTTP ${status}, ${hint}${
        failure.detail ? `: ${failure.detail}` : ''
      }${retryAfter}`;
    return new ProviderHttpError(
      provider,
      message,
      status,
      text.slice(0, BODY_EXCERPT_LENGTH),
    );
  }
}
