/**
 * Exact decimal arithmetic on the numbers the SLO math reads (counts, targets, ratios), so that
 * comparisons and rounding for display never depend on binary floating-point noise.
 */

/** `coefficient × 10^exponent`, exactly. */
export interface ExactDecimal {
  coefficient: bigint;
  exponent: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The decimal a finite number was written as: its shortest round-trip text (`0.999` for the double
 * nearest 0.999, `1e-7`), read exactly. Throws for NaN and infinities.
 */
export function exactDecimal(value: number): ExactDecimal {
  const match = NUMBER_TEXT.exec(String(value));
  if (!Number.isFinite(value) || !match) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${whole}${fraction}`);
  return {
    coefficient: sign ? -digits : digits,
    exponent: Number(exponent) - fraction.length,
  };
}

function pow10(exponent: number): bigint {
  return BigInt(10) ** BigInt(exponent);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const left = a.coefficient * pow10(a.exponent - exponent);
  const right = b.coefficient * pow10(b.exponent - exponent);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/** The exact product of two decimals. */
export function multiplyDecimals(
  a: ExactDecimal,
  b: ExactDecimal,
): ExactDecimal {
  return {
    coefficient: a.coefficient * b.coefficient,
    exponent: a.exponent + b.exponent,
  };
}

/** floor(numerator / denominator × 10^scale), exactly; the denominator must be positive. */
export function floorQuotient(
  numerator: ExactDecimal,
  denominator: ExactDecimal,
  scale: number,
): bigint {
  if (denominator.coefficient <= BigInt(0)) {
    throw new RangeError('the denominator must be positive');
  }
  // n·10^ne / (d·10^de) · 10^scale = n·10^(ne - de + scale) / d
  const shift = numerator.exponent - denominator.exponent + scale;
  let top = numerator.coefficient;
  let bottom = denominator.coefficient;
  if (shift >= 0) top *= pow10(shift);
  else bottom *= pow10(-shift);
  const quotient = top / bottom; // truncates toward zero
  return top < BigInt(0) && quotient * bottom !== top
    ? quotient - BigInt(1)
    : quotient;
}
