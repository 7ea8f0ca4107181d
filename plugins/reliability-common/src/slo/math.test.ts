import {
  budgetConsumedBeforeAlert,
  burnRate,
  burnRateForBudgetConsumption,
  computeErrorBudget,
  detectionTimeSeconds,
  errorBudgetFraction,
  timeToExhaustionSeconds,
} from './math';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const THIRTY_DAYS = 30 * DAY;

describe('computeErrorBudget', () => {
  it('computes attainment and budget for ordinary traffic', () => {
    expect(
      computeErrorBudget({ good: 999_500, total: 1_000_000 }, 0.999),
    ).toEqual({
      attainment: 0.9995,
      allowedBadEvents: 1000,
      badEvents: 500,
      budgetConsumedRatio: 0.5,
      budgetRemainingRatio: 0.5,
    });
  });

  it('treats zero traffic as nothing consumed and attainment unknown', () => {
    expect(computeErrorBudget({ good: 0, total: 0 }, 0.999)).toEqual({
      attainment: null,
      allowedBadEvents: 0,
      badEvents: 0,
      budgetConsumedRatio: 0,
      budgetRemainingRatio: 1,
    });
  });

  it('reports low traffic honestly: one failed request of one overspends a 99.9% budget 1000 times', () => {
    expect(computeErrorBudget({ good: 0, total: 1 }, 0.999)).toEqual({
      attainment: 0,
      allowedBadEvents: 0.001,
      badEvents: 1,
      budgetConsumedRatio: 1000,
      budgetRemainingRatio: -999,
    });
  });

  it('reports an overspent budget as negative remaining', () => {
    const budget = computeErrorBudget({ good: 9_970, total: 10_000 }, 0.999);
    expect(budget.budgetConsumedRatio).toBe(3);
    expect(budget.budgetRemainingRatio).toBe(-2);
  });

  it('handles a 100% target: untouched without failures, undefined consumption with one', () => {
    expect(computeErrorBudget({ good: 10, total: 10 }, 1)).toEqual({
      attainment: 1,
      allowedBadEvents: 0,
      badEvents: 0,
      budgetConsumedRatio: 0,
      budgetRemainingRatio: 1,
    });
    expect(computeErrorBudget({ good: 9, total: 10 }, 1)).toEqual({
      attainment: 0.9,
      allowedBadEvents: 0,
      badEvents: 1,
      budgetConsumedRatio: null,
      budgetRemainingRatio: 0,
    });
  });

  it('never returns NaN or Infinity for nonsense counts', () => {
    const budget = computeErrorBudget({ good: NaN, total: Infinity }, 0.99);
    for (const value of Object.values(budget)) {
      expect(value === null || Number.isFinite(value)).toBe(true);
    }
    expect(computeErrorBudget({ good: 12, total: 10 }, 0.99).badEvents).toBe(0);
  });

  it('rejects targets outside (0, 1]', () => {
    expect(() => errorBudgetFraction(0)).toThrow(RangeError);
    expect(() => errorBudgetFraction(1.5)).toThrow(RangeError);
    expect(errorBudgetFraction(0.999)).toBe(0.001);
  });
});

describe('burnRate', () => {
  it('is the error rate divided by the error budget', () => {
    expect(burnRate({ good: 998, total: 1000 }, 0.999)).toBe(2);
    expect(burnRate({ good: 1000, total: 1000 }, 0.999)).toBe(0);
  });

  it('is null without traffic', () => {
    expect(burnRate({ good: 0, total: 0 }, 0.999)).toBeNull();
  });

  it('is 0 or undefined for a 100% target', () => {
    expect(burnRate({ good: 5, total: 5 }, 1)).toBe(0);
    expect(burnRate({ good: 4, total: 5 }, 1)).toBeNull();
  });
});

describe('SRE workbook, table 5-4: burn rates and time to complete budget exhaustion (99.9%, 30 days)', () => {
  it.each([
    // burn rate, error rate for a 99.9% SLO, time to exhaustion
    [1, 0.001, 30 * DAY],
    [2, 0.002, 15 * DAY],
    [10, 0.01, 3 * DAY],
    [1000, 1, 43.2 * MINUTE],
  ])(
    'burn rate %p (error rate %p) exhausts the budget in %p seconds',
    (rate, errorRate, seconds) => {
      const total = 1_000_000;
      const counts = { good: total - errorRate * total, total };
      expect(burnRate(counts, 0.999)).toBe(rate);
      expect(timeToExhaustionSeconds(1, rate, THIRTY_DAYS)).toBe(seconds);
    },
  );

  it('1000x burn exhausts the budget in 43 minutes (rounded as in the workbook)', () => {
    expect(
      Math.floor(timeToExhaustionSeconds(1, 1000, THIRTY_DAYS)! / MINUTE),
    ).toBe(43);
  });
});

describe('timeToExhaustionSeconds', () => {
  it('scales with the remaining budget', () => {
    expect(timeToExhaustionSeconds(0.5, 2, THIRTY_DAYS)).toBe(7.5 * DAY);
  });

  it('is 0 when the budget is already gone and null when it is not being spent', () => {
    expect(timeToExhaustionSeconds(0, 5, THIRTY_DAYS)).toBe(0);
    expect(timeToExhaustionSeconds(-3, 5, THIRTY_DAYS)).toBe(0);
    expect(timeToExhaustionSeconds(0.4, 0, THIRTY_DAYS)).toBeNull();
    expect(timeToExhaustionSeconds(0.4, null, THIRTY_DAYS)).toBeNull();
    expect(timeToExhaustionSeconds(null, 2, THIRTY_DAYS)).toBeNull();
  });
});

describe('SRE workbook, recommended burn-rate thresholds: budget consumed, long window, burn rate', () => {
  it.each([
    [0.02, 1 * HOUR, 14.4],
    [0.05, 6 * HOUR, 6],
    [0.1, 3 * DAY, 1],
  ])(
    '%p of a 30-day budget in %p seconds is burn rate %p',
    (share, window, rate) => {
      expect(burnRateForBudgetConsumption(share, window, THIRTY_DAYS)).toBe(
        rate,
      );
      // and back: the budget such an alert has consumed when it fires
      expect(
        budgetConsumedBeforeAlert(1, 0.999, window, rate, THIRTY_DAYS),
      ).toBe(share);
    },
  );

  it('is null for an empty alert window', () => {
    expect(burnRateForBudgetConsumption(0.02, 0, THIRTY_DAYS)).toBeNull();
  });
});

describe('SRE workbook chapter 5: detection time and budget consumed before the alert fires', () => {
  it('approach 1 (error rate >= SLO over 10m): 100% outage detected in 0.6s, consuming 0.02% of the budget', () => {
    expect(detectionTimeSeconds(1, 0.999, 10 * MINUTE, 1)).toBe(0.6);
    expect(
      budgetConsumedBeforeAlert(0.001, 0.999, 10 * MINUTE, 1, THIRTY_DAYS),
    ).toBeCloseTo(0.000231, 6);
    // a 0.1% error rate (exactly the SLO) fires after the full 10 minutes
    expect(detectionTimeSeconds(0.001, 0.999, 10 * MINUTE, 1)).toBe(
      10 * MINUTE,
    );
  });

  it('approach 2 (36h window): 100% outage detected in 2m 10s, 5% of the budget spent', () => {
    expect(detectionTimeSeconds(1, 0.999, 36 * HOUR, 1)).toBe(129.6);
    expect(budgetConsumedBeforeAlert(1, 0.999, 36 * HOUR, 1, THIRTY_DAYS)).toBe(
      0.05,
    );
  });

  it('approach 4 (burn rate 36 over 1h): 100% outage detected in 2m 10s, 5% of the budget spent', () => {
    expect(detectionTimeSeconds(1, 0.999, 1 * HOUR, 36)).toBe(129.6);
    expect(budgetConsumedBeforeAlert(1, 0.999, 1 * HOUR, 36, THIRTY_DAYS)).toBe(
      0.05,
    );
    // a 5% error rate: (0.001 / 0.05) * 1h * 36 = 43.2 minutes
    expect(detectionTimeSeconds(0.05, 0.999, 1 * HOUR, 36)).toBe(43.2 * MINUTE);
  });

  it('multiwindow page alert (14.4x over 1h): 100% outage detected in 51.84s', () => {
    expect(detectionTimeSeconds(1, 0.999, 1 * HOUR, 14.4)).toBe(51.84);
  });

  it('never fires (null) when the error rate stays below the threshold error rate', () => {
    expect(detectionTimeSeconds(0.01, 0.999, 1 * HOUR, 14.4)).toBeNull();
    expect(
      budgetConsumedBeforeAlert(0.01, 0.999, 1 * HOUR, 14.4, THIRTY_DAYS),
    ).toBeNull();
    expect(detectionTimeSeconds(0, 0.999, 1 * HOUR, 1)).toBeNull();
    expect(detectionTimeSeconds(1, 1, 1 * HOUR, 1)).toBeNull();
  });
});
