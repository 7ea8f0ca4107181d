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
