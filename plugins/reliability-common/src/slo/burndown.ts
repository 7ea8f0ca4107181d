import {
  cleanNumber,
  errorBudgetFraction,
  EventCounts,
  sanitizeCounts,
} from './math';

/** Default number of points of an error-budget burn-down. @public */
export const BURNDOWN_DEFAULT_POINTS = 60;
/** Most points a burn-down may have (each point is one SLI provider query). @public */
export const BURNDOWN_MAX_POINTS = 200;

/** One point of an error-budget burn-down. Ratios are in 0..1 (remaining may go below 0 when overspent). @public */
export interface SloBurndownPoint {
  /** ISO 8601 instant t_i. */
  at: string;
  /** 1 - bad(windowStart..t_i) / allowed bad events of the window so far; null without traffic. */
  budgetRemaining: number | null;
  /** The ideal linear burn: 1 at the window's start, 0 at its end. */
  ideal: number;
}

/**
 * The instants of a burn-down: `points` instants evenly spread over [windowStart, until], both included.
 * Fewer points when the range is shorter than `points` milliseconds; a single point when it is empty.
 *
 * @public
 */
export function burndownInstants(
  windowStart: Date,
  until: Date,
  points: number = BURNDOWN_DEFAULT_POINTS,
): Date[] {
  const start = windowStart.getTime();
  const span = until.getTime() - start;
  const count = Math.max(
    2,
    Math.min(Math.floor(points), BURNDOWN_MAX_POINTS, span + 1),
  );
  if (!(span > 0)) {
    return [new Date(start)];
  }
  return Array.from(
    { length: count },
    (_, i) => new Date(start + Math.round((span * i) / (count - 1))),
  );
}

/** Ideal linear burn at `at`: 1 at windowStart, 0 at windowEnd, clamped to [0, 1]. @public */
export function idealBudgetRemaining(
  at: Date,
  windowStart: Date,
  windowEnd: Date,
): number {
  const length = windowEnd.getTime() - windowStart.getTime();
  if (!(length > 0)) {
    return 0;
  }
  const elapsed = (at.getTime() - windowStart.getTime()) / length;
  return cleanNumber(1 - Math.min(1, Math.max(0, elapsed))) ?? 0;
}

/**
 * The error-budget burn-down of an SLO window from the event counts between consecutive instants.
 *
 * `instants` are t_0 = windowStart < t_1 < ... < t_n = now, and `segments[i]` holds the counts of
 * [t_i, t_(i+1)) (so there is one segment fewer than instants). At every t_i:
 *
 *   budgetRemaining(t_i) = 1 - bad(windowStart..t_i) / ((1 - target) * total(windowStart..now))
 *
 * i.e. the share of the budget the whole window's traffic so far allows that is still left at t_i; the last
 * point equals the SLO's current budget remaining. Without traffic every point is null. With a 100% target
 * nothing may fail: 1 while nothing failed, 0 from the first bad event on (as `computeErrorBudget`).
 * The ideal line falls linearly from 1 at windowStart to 0 at windowEnd (for rolling windows windowEnd is now).
 *
 * @public
 */
export function computeBurndown(input: {
  instants: Date[];
  segments: EventCounts[];
  target: number;
  windowStart: Date;
  windowEnd: Date;
}): SloBurndownPoint[] {
  const { instants, target, windowStart, windowEnd } = input;
  if (input.segments.length !== Math.max(0, instants.length - 1)) {
    throw new RangeError(
      `A burn-down of ${instants.length} instants needs ${Math.max(
        0,
        instants.length - 1,
      )} segments, got ${input.segments.length}`,
    );
  }
  const budget = errorBudgetFraction(target);
  const segments = input.segments.map(sanitizeCounts);
  const total = segments.reduce((sum, s) => sum + s.total, 0);
  const allowedBad = budget * total;
  let bad = 0;
  return instants.map((at, i) => {
    if (i > 0) {
      bad += segments[i - 1].total - segments[i - 1].good;
    }
    let remaining: number | null;
    if (total === 0) {
      remaining = null;
    } else if (bad === 0) {
      remaining = 1;
    } else if (allowedBad === 0) {
      remaining = 0;
    } else {
      remaining = cleanNumber(1 - bad / allowedBad);
    }
    return {
      at: at.toISOString(),
      budgetRemaining: remaining,
      ideal: idealBudgetRemaining(at, windowStart, windowEnd),
    };
  });
}
