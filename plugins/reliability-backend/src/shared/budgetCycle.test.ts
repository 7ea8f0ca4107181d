import { budgetCycleMs, cycleBudgetTally } from './budgetCycle';

describe('budgetCycleMs', () => {
  it('waits for budget turns for the interval, never past three quarters of the timeout', () => {
    // The SLO collection's defaults: a 5-minute frequency and a 7-minute timeout use the whole interval.
    expect(budgetCycleMs(300_000, 420_000)).toBe(300_000);
    // A timeout under the frequency leaves a quarter of it to refuse the rest of the walk and run retention.
    expect(budgetCycleMs(300_000, 120_000)).toBe(90_000);
    // A cron frequency (no bound) waits for three quarters of the timeout.
    expect(budgetCycleMs(Infinity, 900_000)).toBe(675_000);
  });
});

describe('cycleBudgetTally', () => {
  it("lets a run's calls wait until its cycle's end, or only up to their own timeout without a cycle", () => {
    const before = Date.now();
    const waitUntil = cycleBudgetTally(60_000).waitUntil!;
    expect(waitUntil).toBeGreaterThanOrEqual(before + 60_000);
    expect(waitUntil).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(cycleBudgetTally().waitUntil).toBeUndefined();
  });
});
