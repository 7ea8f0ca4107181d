/**
 * Round ticks from 0 up to at least `max` for a value axis: a step of 1, 2 or 5 times a power of ten, about
 * `count` steps (recharts' own "nice" ticks step by any multiple of 0.05, and read 0.65×, 1.95× or 0.255×). The
 * last tick is the axis' top; without a positive finite `max` the axis runs from 0 to 1.
 */
export function niceValueTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].find(f => f * power >= rough * (1 - 1e-9))! * power;
  // Digits after the point that the step has (0.05: 2), so 3 × 0.1 reads 0.3 and not 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const steps = Math.ceil(max / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, i) =>
    Number((i * step).toFixed(decimals)),
  );
}

/** The largest finite value of the given keys over the rows (0 when there is none). */
export function maxOfRows<Row>(
  rows: Row[],
  keys: ReadonlyArray<keyof Row>,
): number {
  let max = 0;
  for (const row of rows) {
    for (const key of keys) {
      const value = row[key];
      if (typeof value === 'number' && Number.isFinite(value) && value > max) {
        max = value;
      }
    }
  }
  return max;
}
