import { compareDecimals, exactDecimal, multiplyDecimals } from './decimal';
import { errorBudgetFraction, EventCounts, sanitizeCounts } from './math';

/**
 * Whether counts meet a target: `good >= target × total`, compared exactly (the target as the decimal it
 * was written as, e.g. 0.99999), never on a rounded attainment. 99,998,999,999,999 good of 10^14 misses a
 * 99.999% target even though the attainment rounds to 0.99999 at 12 digits. Null without traffic.
 *
 * @public
 */
export function meetsTarget(
  counts: EventCounts,
  target: number,
): boolean | null {
  errorBudgetFraction(target); // throws RangeError outside (0, 1]
  const { good, total } = sanitizeCounts(counts);
  if (total === 0) {
    return null;
  }
  const required = multiplyDecimals(exactDecimal(target), exactDecimal(total));
  return compareDecimals(exactDecimal(good), required) >= 0;
}
