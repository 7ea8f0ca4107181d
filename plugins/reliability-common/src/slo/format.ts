import { errorBudgetState } from './budgetState';
import { exactDecimal, floorQuotient } from './decimal';
import { EventCounts, sanitizeCounts } from './math';

/** Shown wherever a value is undefined (no traffic, 100% target with failures, ...). @public */
export const NO_VALUE = '—';

/**
 * Formats a ratio as a percentage (`0.99912` -> `99.912%`), trimming trailing zeros;
 * null and non-finite values render as "—".
 *
 * @public
 */
export function formatRatio(
  ratio: number | null | undefined,
  fractionDigits = 3,
): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) {
    return NO_VALUE;
  }
  const percent = ratio * 100;
  const text = percent
    .toFixed(fractionDigits)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return `${text === '-0' ? '0' : text}%`;
}

const UNITS: Array<[string, number]> = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];

/**
 * Formats seconds as its largest unit and the next one when non-zero (`129.6` -> `2m 10s`, `2592000` -> `30d`);
 * null, negative and non-finite values render as "—".
 *
 * @public
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (
    seconds === null ||
    seconds === undefined ||
    !Number.isFinite(seconds) ||
    seconds < 0
  ) {
    return NO_VALUE;
  }
  let rest = Math.round(seconds);
  if (rest === 0) {
    return seconds > 0 ? '<1s' : '0s';
  }
  const index = UNITS.findIndex(([, size]) => rest >= size);
  const [unit, size] = UNITS[index];
  const parts = [`${Math.floor(rest / size)}${unit}`];
  rest %= size;
  const next = UNITS[index + 1];
  if (next && Math.floor(rest / next[1]) > 0) {
    parts.push(`${Math.floor(rest / next[1])}${next[0]}`);
  }
  return parts.join(' ');
}

/** A scaled integer (`value / 10^fractionDigits`) as trimmed decimal text. */
function scaledText(scaled: bigint, fractionDigits: number): string {
  const negative = scaled < BigInt(0);
  const digits = (negative ? -scaled : scaled)
    .toString()
    .padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  const fraction = digits
    .slice(digits.length - fractionDigits)
    .replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Formats an attainment as a percentage rounded DOWN, so it never looks better than it is: 99.9986% shows
 * as `99.998%` against a 99.999% target, never `99.999%`. From counts (`{ good, total }`) the digits are
 * exact; from a ratio they are those of the ratio as written (its shortest decimal text). Null, non-finite
 * ratios and zero traffic render as "—".
 *
 * @public
 */
export function formatAttainment(
  value: number | EventCounts | null | undefined,
  fractionDigits = 3,
): string {
  if (value === null || value === undefined) {
    return NO_VALUE;
  }
  let scaled: bigint;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NO_VALUE;
    scaled = floorQuotient(
      exactDecimal(value),
      exactDecimal(1),
      fractionDigits + 2,
    );
  } else {
    const { good, total } = sanitizeCounts(value);
    if (total === 0) return NO_VALUE;
    scaled = floorQuotient(
      exactDecimal(good),
      exactDecimal(total),
      fractionDigits + 2,
    );
  }
  return `${scaledText(scaled, fractionDigits)}%`;
}

/** Shown for the burn rate of a zero error budget (100% target) that saw bad events. @public */
export const UNBOUNDED_BURN_RATE_TEXT = 'unbounded';

/**
 * A measured burn rate as `2.5×` (one decimal below 10, none above); "—" when unknown;
 * `unbounded` for +Infinity (a zero budget that saw bad events, see `alertingBurnRate`). Never NaN or Infinity.
 *
 * @public
 */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === Number.POSITIVE_INFINITY) {
    return UNBOUNDED_BURN_RATE_TEXT;
  }
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return NO_VALUE;
  }
  return `${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}×`;
}

/**
 * A burn-rate alert threshold with up to two decimals, trimmed (`14.4×`, `3.36×`, `1×`); "—" when not a
 * finite number.
 *
 * @public
 */
export function formatBurnRateThreshold(
  rate: number | null | undefined,
): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return NO_VALUE;
  }
  return `${Number(rate.toFixed(2))}×`;
}

/**
 * Error budget remaining in words: `42.5% left`; `exhausted` at 0 (also a 100% target after any bad
 * event); `exhausted (150% overspent)` below 0; `no data` when unknown.
 *
 * @public
 */
export function formatBudgetRemaining(
  remaining: number | null | undefined,
): string {
  switch (errorBudgetState(remaining)) {
    case 'unknown':
      return 'no data';
    case 'exhausted':
      return Number.isFinite(remaining) && remaining! < 0
        ? `exhausted (${formatRatio(-remaining!, 1)} overspent)`
        : 'exhausted';
    default:
      return `${formatRatio(remaining, 1)} left`;
  }
}
