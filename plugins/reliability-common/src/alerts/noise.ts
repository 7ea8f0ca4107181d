import { AlertFiring, AlertFiringStats, AlertNoiseRule } from './types';

const MINUTE_MS = 60_000;

/** Days of firing history the suite counts per alert. @public */
export const ALERT_WINDOW_DAYS = 30;

/** The default noise rule: 5 firings in the window, 80% of them resolved within 15 minutes. @public */
export const DEFAULT_ALERT_NOISE_RULE: AlertNoiseRule = {
  minFirings: 5,
  quickResolveMinutes: 15,
  quickShare: 0.8,
};

function parseTime(value: string | null): number | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** The median of sorted numbers; null when there are none. */
function medianOf(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle];
  return (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * How often an alert fired in the `windowDays` before `now` (firings that started within it) and how fast the
 * resolved ones were resolved. Firings with an unreadable start are ignored; a resolution before the start
 * counts as zero minutes.
 *
 * @public
 */
export function alertFiringStats(
  firings: ReadonlyArray<Pick<AlertFiring, 'startedAt' | 'resolvedAt'>>,
  now: Date,
  rule: Pick<AlertNoiseRule, 'quickResolveMinutes'>,
  windowDays: number = ALERT_WINDOW_DAYS,
): AlertFiringStats {
  const from = now.getTime() - windowDays * 24 * 60 * MINUTE_MS;
  const to = now.getTime();
  const inWindow = firings
    .map(f => ({ start: parseTime(f.startedAt), end: parseTime(f.resolvedAt) }))
    .filter(
      (f): f is { start: number; end: number | null } =>
        f.start !== null && f.start >= from && f.start <= to,
    );
  const durations = inWindow
    .filter((f): f is { start: number; end: number } => f.end !== null)
    .map(f => Math.max(0, f.end - f.start) / MINUTE_MS)
    .sort((a, b) => a - b);
  const median = medianOf(durations);
  const last = inWindow.reduce<number | null>(
    (max, f) => (max === null || f.start > max ? f.start : max),
    null,
  );
  return {
    fired: inWindow.length,
    resolvedQuickly: durations.filter(m => m <= rule.quickResolveMinutes)
      .length,
    medianMinutes: median,
    lastFiredAt: last === null ? null : new Date(last).toISOString(),
  };
}

/**
 * An alert is noisy when it fired at least `minFirings` times in the window and at least `quickShare` of those
 * firings were resolved within `quickResolveMinutes`: it fires often and goes away on its own, so nobody acts on it.
 *
 * @public
 */
export function isNoisyAlert(
  stats: Pick<AlertFiringStats, 'fired' | 'resolvedQuickly'>,
  rule: AlertNoiseRule = DEFAULT_ALERT_NOISE_RULE,
): boolean {
  return (
    stats.fired >= rule.minFirings &&
    stats.resolvedQuickly >= rule.quickShare * stats.fired
  );
}
