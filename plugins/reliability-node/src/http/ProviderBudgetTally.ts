import { ProviderBudgetExceededError } from './errors';

/** The ProviderBudgetExceededError in an error or its chain of causes. */
function budgetErrorOf(
  error: unknown,
): ProviderBudgetExceededError | undefined {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    // Also one thrown by another copy of this package (compared by name).
    if (
      e instanceof ProviderBudgetExceededError ||
      (e as Error).name === 'ProviderBudgetExceededError'
    ) {
      return e as ProviderBudgetExceededError;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Counts, over one refresh cycle, the items (services, entities) whose provider call was refused by a vendor's
 * request budget, so the refresher logs one line per cycle instead of one warning per item:
 * "budget of 1000 requests/min for PagerDuty reached; 1234 of 10000 services refreshed, rest keep their last
 * data, stale since 2026-11-30T14:00:00.000Z".
 *
 * @public
 */
export class ProviderBudgetTally {
  /**
   * End of the cycle (epoch ms): requests of the cycle wait for no budget turn beyond it (pass it as
   * `deadlineSignal`'s `waitUntil`), so a cycle stretches up to it and then skips what the budget has no room for.
   */
  readonly waitUntil: number | undefined;
  private readonly budgets = new Map<string, string>();
  private skipped = 0;
  private oldestStaleSince: number | undefined;
  private neverCollected = 0;

  constructor(options: { waitUntil?: number } = {}) {
    this.waitUntil = options.waitUntil;
  }

  /**
   * Records a failed provider call: true when the error is (or was caused by) a ProviderBudgetExceededError,
   * the item keeping its last data from `staleSince` (undefined: it has none yet); false for other errors.
   */
  refused(error: unknown, staleSince?: string | Date | null): boolean {
    const budgetError = budgetErrorOf(error);
    if (!budgetError) return false;
    this.skipped += 1;
    this.budgets.set(
      budgetError.provider,
      budgetError.limit === 'requestsPerMinute'
        ? `budget of ${budgetError.requestsPerMinute} requests/min for ${budgetError.provider}`
        : `concurrency limit for ${budgetError.provider}`,
    );
    const since =
      staleSince === undefined || staleSince === null
        ? NaN
        : new Date(staleSince).getTime();
    if (Number.isNaN(since)) {
      this.neverCollected += 1;
    } else if (
      this.oldestStaleSince === undefined ||
      since < this.oldestStaleSince
    ) {
      this.oldestStaleSince = since;
    }
    return true;
  }

  /** Adds what another tally counted (e.g. that of one item, to tell whether the item was refused). */
  absorb(other: ProviderBudgetTally): void {
    other.budgets.forEach((text, provider) => this.budgets.set(provider, text));
    this.skipped += other.skipped;
    this.neverCollected += other.neverCollected;
    if (
      other.oldestStaleSince !== undefined &&
      (this.oldestStaleSince === undefined ||
        other.oldestStaleSince < this.oldestStaleSince)
    ) {
      this.oldestStaleSince = other.oldestStaleSince;
    }
  }

  /** Items refused in this cycle. */
  get refusedCount(): number {
    return this.skipped;
  }

  /**
   * The one line of the cycle, or undefined when no budget was reached. `refreshed` and `total` count the
   * cycle's items, `unit` names them.
   */
  summary(refreshed: number, total: number, unit: string): string | undefined {
    if (this.skipped === 0) return undefined;
    const since: string[] = [];
    if (this.oldestStaleSince !== undefined) {
      since.push(
        `stale since ${new Date(this.oldestStaleSince).toISOString()}`,
      );
    }
    if (this.neverCollected > 0) {
      since.push(`${this.neverCollected} without earlier data`);
    }
    return `${[...this.budgets.values()].join(
      ' and ',
    )} reached; ${refreshed} of ${total} ${unit} refreshed, rest keep their last data${
      since.length ? `, ${since.join(', ')}` : ''
    } (${this.skipped} refused by the budget)`;
  }
}
