import { budgetCycleMs } from './budgetCycle';

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
