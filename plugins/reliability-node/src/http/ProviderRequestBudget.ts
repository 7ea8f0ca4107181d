import { ProviderBudgetExceededError } from './errors';
import { signalWaitLimit } from './deadline';
import { abortableSleep } from './retryDelay';

/**
 * Limits of the requests of one vendor, shared by every caller in the process.
 *
 * @public
 */
export interface ProviderBudgetSettings {
  /**
   * Requests per minute, paced evenly (one every 60000/N ms), so no 60-second window holds more than N.
   * Undefined: no per-minute budget.
   */
  requestsPerMinute?: number;
  /** Requests in flight at once. Undefined: no limit. */
  maxConcurrency?: number;
  /**
   * Longest time a request waits for room in the budget (never beyond the deadline or `waitUntil` of its signal,
   * see `deadlineSignal`). A request that would wait longer fails at once with a ProviderBudgetExceededError.
   * Default 30 s.
   */
  maxWaitMs?: number;
}

/**
 * Options of a ProviderRequestBudget.
 *
 * @public
 */
export interface ProviderRequestBudgetOptions extends ProviderBudgetSettings {
  /** Name of the vendor, used in error messages (e.g. `PagerDuty`). */
  provider: string;
  /** For tests: the current time in epoch milliseconds. */
  now?: () => number;
  /** For tests: waits for the request's turn. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_MAX_WAIT_MS = 30_000;

interface Waiter {
  grant(): void;
}

/**
 * The request budget of one vendor: at most `requestsPerMinute` requests a minute (evenly paced) and
 * `maxConcurrency` in flight. `acquire` waits for the request's turn up to `maxWaitMs` (and the signal's
 * deadline) and fails with a ProviderBudgetExceededError when the turn is further away; it never sends
 * the request late. Turns are handed out first come, first served.
 *
 * @public
 */
export class ProviderRequestBudget {
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly intervalMs: number;
  private readonly maxWaitMs: number;
  /** Earliest time the next request may start (the per-minute pacing). */
  private nextStart = 0;
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: ProviderRequestBudgetOptions) {
    const { requestsPerMinute, maxConcurrency } = options;
    if (
      requestsPerMinute !== undefined &&
      !(Number.isFinite(requestsPerMinute) && requestsPerMinute > 0)
    ) {
      throw new RangeError(
        `${options.provider} budget: requestsPerMinute must be a positive number, got ${requestsPerMinute}`,
      );
    }
    if (
      maxConcurrency !== undefined &&
      !(Number.isInteger(maxConcurrency) && maxConcurrency > 0)
    ) {
      throw new RangeError(
        `${options.provider} budget: maxConcurrency must be a positive integer, got ${maxConcurrency}`,
      );
    }
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.intervalMs = requestsPerMinute ? 60_000 / requestsPerMinute : 0;
    this.maxWaitMs = Math.max(0, options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
  }

  get provider(): string {
    return this.options.provider;
  }

  get requestsPerMinute(): number | undefined {
    return this.options.requestsPerMinute;
  }

  get maxConcurrency(): number | undefined {
    return this.options.maxConcurrency;
  }

  /**
   * Waits for the turn of one request and resolves with the function that ends it (call it once the answer
   * arrived or the request failed). Rejects with a ProviderBudgetExceededError when the turn is further away
   * than `maxWaitMs` or the signal's deadline, and with the signal's reason when it aborts.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const start = this.now();
    const deadline = signalWaitLimit(signal);
    if (deadline !== undefined && deadline < start) {
      // The caller's time for budget turns (e.g. its refresh cycle) is over: its requests are not sent any more.
      throw this.exceeded(
        this.options.requestsPerMinute === undefined
          ? 'maxConcurrency'
          : 'requestsPerMinute',
        undefined,
      );
    }
    const boundMs = Math.max(
      0,
      Math.min(
        this.maxWaitMs,
        deadline === undefined ? Infinity : deadline - start,
      ),
    );
    await this.concurrencySlot(boundMs, signal);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.releaseSlot();
    };
    try {
      await this.paceTurn(boundMs - (this.now() - start), signal);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async concurrencySlot(
    boundMs: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const { maxConcurrency } = this.options;
    if (maxConcurrency === undefined) return;
    if (this.inFlight < maxConcurrency && this.waiting.length === 0) {
      this.inFlight += 1;
      return;
    }
    if (boundMs <= 0) throw this.exceeded('maxConcurrency', undefined);
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: () => undefined };
      const leave = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
      };
      const timer = setTimeout(() => {
        leave();
        signal?.removeEventListener('abort', onAbort);
        reject(this.exceeded('maxConcurrency', undefined));
      }, boundMs);
      function onAbort() {
        clearTimeout(timer);
        leave();
        reject(signal!.reason);
      }
      waiter.grant = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private releaseSlot(): void {
    if (this.options.maxConcurrency === undefined) return;
    const next = this.waiting.shift();
    if (next) {
      // The slot passes straight to the next waiter.
      next.grant();
    } else {
      this.inFlight -= 1;
    }
  }

  private async paceTurn(boundMs: number, signal?: AbortSignal): Promise<void> {
    if (this.intervalMs === 0) return;
    const now = this.now();
    const turn = Math.max(now, this.nextStart);
    const waitMs = turn - now;
    if (waitMs > Math.max(0, boundMs)) {
      throw this.exceeded('requestsPerMinute', waitMs);
    }
    this.nextStart = turn + this.intervalMs;
    if (waitMs > 0) await this.sleep(waitMs, signal);
  }

  private exceeded(
    limit: 'requestsPerMinute' | 'maxConcurrency',
    waitMs: number | undefined,
  ): ProviderBudgetExceededError {
    const { provider, requestsPerMinute, maxConcurrency } = this.options;
    const message =
      limit === 'requestsPerMinute'
        ? `${provider} budget of ${requestsPerMinute} requests/min reached: ${
            waitMs === undefined
              ? "the caller's time for budget turns is over"
              : `the next turn is in ${Math.ceil(
                  waitMs / 1000,
                )} s, longer than a request may wait`
          }; the request was not sent`
        : `${provider} concurrency limit of ${maxConcurrency} requests reached: no request ended in time; the request was not sent`;
    return new ProviderBudgetExceededError(
      provider,
      message,
      requestsPerMinute,
      limit,
    );
  }
}
