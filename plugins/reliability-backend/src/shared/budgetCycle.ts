import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';

/**
 * How long a refresh run waits for turns in vendor request budgets (its cycle): up to its interval, and at most
 * three quarters of its timeout, so the rest of the walk (refused at once) still finishes and retention runs.
 * Then it refuses what the budget has no room for (one log line), and the next run starts at the first entity
 * refused. Used by the SLO collection, the on-call refresh and the incidents refresh.
 */
export function budgetCycleMs(frequencyMs: number, timeoutMs: number): number {
  return Math.min(frequencyMs, timeoutMs * 0.75);
}

/**
 * The tally of one refresh run under vendor request budgets: its provider calls wait for turns until the cycle's
 * end, `cycleMs` from now (without it, only up to each call's own timeout).
 */
export function cycleBudgetTally(cycleMs?: number): ProviderBudgetTally {
  return new ProviderBudgetTally({
    waitUntil: cycleMs === undefined ? undefined : Date.now() + cycleMs,
  });
}
