/**
 * Error-budget and burn-rate math of the SRE workbook (chapter 2 "Implementing SLOs" and chapter 5
 * "Alerting on SLOs"). Pure functions; they never return NaN or Infinity: an undefined quantity is `null`.
 */

/** Good and total event counts of an SLI over some interval. @public */
export interface EventCounts {
  good: number;
  total: number;
}

/** @public */
export interface ErrorBudget {
  /** good / total; null when there was no traffic. */
  attainment: number | null;
  /** Bad events the target allows for this traffic: (1 - target) * total (not rounded). */
  allowedBadEvents: number;
  /** total - good. */
  badEvents: number;
  /** badEvents / allowedBadEvents: 0 = untouched, 1 = exhausted, above 1 = overspent. */
  budgetConsumedRatio: number | null;
  /** 1 - budgetConsumedRatio: negative when overspent; 0 when a 100% target saw a bad event. */
  budgetRemainingRatio: number | null;
}

/**
 * Rounds away binary floating-point noise (0.02 * 720 = 14.400000000000002) and maps
 * non-finite values to null.
 *
 * @public
 */
export function cleanNumber(value: number): number | null {
  if (!Number.isFinite(value)) {
    return null;
  }
  const cleaned = Number(value.toPrecision(12));
  return Object.is(cleaned, -0) ? 0 : cleaned;
}

/** Counts made safe: non-finite or negative numbers become 0 and good is clamped to [0, total]. @public */
export function sanitizeCounts(counts: EventCounts): EventCounts {
  const total =
    Number.isFinite(counts.total) && counts.total > 0 ? counts.total : 0;
  const good = Number.isFinite(counts.good)
    ? Math.min(Math.max(counts.good, 0), total)
    : 0;
  return { good, total };
}

/** The error budget as a share of events, 1 - target, without floating-point noise (0.999 -> 0.001). @public */
export function errorBudgetFraction(target: number): number {
  if (!Number.isFinite(target) || target > 1 || target <= 0) {
    throw new RangeError(`SLO target must be in (0, 1], got ${target}`);
  }
  return cleanNumber(1 - target) ?? 0;
}

/**
 * The error budget of an SLO for the given counts.
 *
 * - Zero traffic: attainment null, nothing consumed (consumed 0, remaining 1).
 * - Target 1 (100%): no bad events are allowed. With no bad events consumed 0 and remaining 1;
 *   with any bad event the consumed ratio is undefined (null: "infinitely overspent") and remaining is 0.
 * - Overspent budgets are reported as they are: consumed above 1 and remaining negative
 *   (1 failure out of 1 request against 99.9% consumes 1000 budgets: remaining -999).
 *
 * @public
 */
export function computeErrorBudget(
  counts: EventCounts,
  target: number,
): ErrorBudget {
  const { good, total } = sanitizeCounts(counts);
  const budget = errorBudgetFraction(target);
  const badEvents = cleanNumber(total - good) ?? 0;
  const allowedBadEvents = cleanNumber(budget * total) ?? 0;
  const attainment = total > 0 ? cleanNumber(good / total) : null;
  if (badEvents === 0) {
    return {
      attainment,
      allowedBadEvents,
      badEvents,
      budgetConsumedRatio: 0,
      budgetRemainingRatio: 1,
    };
  }
  if (allowedBadEvents === 0) {
    return {
      attainment,
      allowedBadEvents,
      badEvents,
      budgetConsumedRatio: null,
      budgetRemainingRatio: 0,
    };
  }
  const consumed = cleanNumber(badEvents / allowedBadEvents);
  return {
    attainment,
    allowedBadEvents,
    badEvents,
    budgetConsumedRatio: consumed,
    budgetRemainingRatio: consumed === null ? null : cleanNumber(1 - consumed),
  };
}

/**
 * Burn rate: how fast the budget is spent relative to spending it exactly over the SLO window
 * (error rate / (1 - target)); 1 exhausts the budget at the end of the window.
 * Null without traffic; with a 100% target it is 0 when nothing failed and null otherwise.
 *
 * @public
 */
export function burnRate(counts: EventCounts, target: number): number | null {
  const { good, total } = sanitizeCounts(counts);
  const budget = errorBudgetFraction(target);
  if (total === 0) {
    return null;
  }
  const errorRate = (total - good) / total;
  if (errorRate === 0) {
    return 0;
  }
  if (budget === 0) {
    return null;
  }
  return cleanNumber(errorRate / budget);
}

/**
 * Seconds until the remaining budget is gone at a constant burn rate: remaining * window / burnRate
 * (burn rate 1 spends a whole budget in one window). Null when the budget is not being spent
 * (burn rate null or <= 0) or unknown; 0 when it is already gone.
 *
 * @public
 */
export function timeToExhaustionSeconds(
  budgetRemainingRatio: number | null,
  burnRateValue: number | null,
  windowSecondsValue: number,
): number | null {
  if (budgetRemainingRatio === null || !Number.isFinite(budgetRemainingRatio)) {
    return null;
  }
  if (budgetRemainingRatio <= 0) {
    return 0;
  }
  if (
    burnRateValue === null ||
    !Number.isFinite(burnRateValue) ||
    burnRateValue <= 0
  ) {
    return null;
  }
  return cleanNumber(
    (budgetRemainingRatio * windowSecondsValue) / burnRateValue,
  );
}

/**
 * The burn rate that spends `budgetShare` of the budget of an SLO window within `alertWindowSeconds`
 * (workbook: 2% of a 30-day budget in 1 hour -> 14.4; 5% in 6 hours -> 6; 10% in 3 days -> 1).
 *
 * @public
 */
export function burnRateForBudgetConsumption(
  budgetShare: number,
  alertWindowSeconds: number,
  sloWindowSeconds: number,
): number | null {
  if (alertWindowSeconds <= 0) {
    return null;
  }
  return cleanNumber((budgetShare * sloWindowSeconds) / alertWindowSeconds);
}

/**
 * Seconds until an alert on "burn rate over the alert window >= threshold" fires after the error
 * rate jumps from 0 to `errorRate` (workbook: ((1 - SLO) / error ratio) * alert window * burn rate).
 * A threshold of 1 is the workbook's approaches 1 and 2 (alert when the error rate reaches the SLO's).
 * Null when the alert never fires: the error rate stays below the threshold's error rate.
 *
 * @public
 */
export function detectionTimeSeconds(
  errorRate: number,
  target: number,
  alertWindowSeconds: number,
  burnRateThreshold: number,
): number | null {
  const budget = errorBudgetFraction(target);
  if (
    !(errorRate > 0) ||
    errorRate > 1 ||
    alertWindowSeconds <= 0 ||
    burnRateThreshold <= 0 ||
    budget === 0
  ) {
    return null;
  }
  if (errorRate < cleanNumber(burnRateThreshold * budget)!) {
    return null;
  }
  return cleanNumber(
    (budget / errorRate) * alertWindowSeconds * burnRateThreshold,
  );
}

/**
 * Share of the SLO window's budget spent by the time the alert fires
 * (workbook: burn rate * alert window / SLO window). Null when the alert never fires.
 *
 * @public
 */
export function budgetConsumedBeforeAlert(
  errorRate: number,
  target: number,
  alertWindowSeconds: number,
  burnRateThreshold: number,
  sloWindowSeconds: number,
): number | null {
  const detection = detectionTimeSeconds(
    errorRate,
    target,
    alertWindowSeconds,
    burnRateThreshold,
  );
  if (detection === null || sloWindowSeconds <= 0) {
    return null;
  }
  const budget = errorBudgetFraction(target);
  return cleanNumber((errorRate * detection) / (budget * sloWindowSeconds));
}
