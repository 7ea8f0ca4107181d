const DAY_MS = 86_400_000;

/** Ranges shorter than this get times on their ticks, not only dates. */
export const SHOW_TIME_BELOW_MS = 2 * DAY_MS;

/** `count` evenly spread ticks over [start, end], both included (one tick for an empty range). */
export function timeTicks(start: number, end: number, count = 6): number[] {
  if (!(end > start) || count < 2) {
    return [start];
  }
  return Array.from({ length: count }, (_, i) =>
    Math.round(start + ((end - start) * i) / (count - 1)),
  );
}

/** How many ticks fit a chart: fewer when the labels carry times (they are longer). */
export function tickCount(start: number, end: number): number {
  return end - start < SHOW_TIME_BELOW_MS ? 4 : 6;
}

/**
 * A tick label formatter for a time axis spanning [start, end]: dates ("Nov 3"), with the year when the
 * range crosses a year, and with the time of day ("Nov 3, 14:00") when the range is under two days.
 */
export function timeTickFormatter(
  start: number,
  end: number,
  options: { locale?: string; timeZone?: string } = {},
): (ms: number) => string {
  const { locale, timeZone } = options;
  const withTime = end - start < SHOW_TIME_BELOW_MS;
  const year = (ms: number) =>
    new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(ms);
  const withYear = year(start) !== year(end);
  const format = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
    ...(withTime
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : {}),
    timeZone,
  });
  return (ms: number) => (Number.isFinite(ms) ? format.format(ms) : '');
}

/** Tooltip label of a time axis: the full local date and time. */
export function formatTooltipTime(ms: unknown): string {
  const value = Number(ms);
  return Number.isFinite(value) ? new Date(value).toLocaleString() : '';
}
