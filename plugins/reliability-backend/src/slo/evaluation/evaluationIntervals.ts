import {
  BurnRateAlertCondition,
  SloDefinition,
  windowSeconds,
} from '@internal/backstage-plugin-reliability-common';
import { MeasuredInterval } from './ObjectiveMeasurer';

/** Look-back windows whose burn rates are always computed (those of the SRE workbook's alerts). */
export const BURN_RATE_WINDOWS: Array<{ label: string; seconds: number }> = [
  { label: '5m', seconds: 300 },
  { label: '30m', seconds: 1800 },
  { label: '1h', seconds: 3600 },
  { label: '6h', seconds: 21600 },
  { label: '3d', seconds: 259200 },
];

/** The window the headline "current burn rate" is taken from. */
export const CURRENT_BURN_RATE_SECONDS = 3600;

/** A look-back window of the burn rates. */
export interface Lookback {
  seconds: number;
  label: string;
}

/** The intervals one evaluation of an SLO measures. */
export interface EvaluationIntervals {
  /** The SLO window containing now. */
  window: { start: Date; end: Date };
  /** Calendar windows: the previous, complete period; rolling windows: none (the current window is judged). */
  lastWindow?: { start: Date; end: Date };
  /** Burn-rate look-backs, in the order of `intervals` after the window (and last window). */
  lookbacks: Lookback[];
  /** The SLO window so far, then the last window (if any), then each look-back ending now. */
  intervals: MeasuredInterval[];
}

function windowLabel(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/**
 * The intervals to measure for an SLO at `now`: the window's counts over [start, min(end, now)), the last
 * window, and every burn-rate look-back (the standard ones plus each long and short window of the alert
 * conditions).
 */
export function evaluationIntervals(
  slo: SloDefinition,
  now: Date,
  conditions: BurnRateAlertCondition[],
): EvaluationIntervals {
  const window = windowSeconds(slo.window, now);
  const windowEnd = window.end < now ? window.end : now;
  const lastWindow =
    slo.window.kind === 'calendar'
      ? windowSeconds(slo.window, new Date(window.start.getTime() - 1))
      : undefined;
  const labels = new Map<number, string>(
    BURN_RATE_WINDOWS.map(w => [w.seconds, w.label]),
  );
  for (const condition of conditions) {
    for (const seconds of [
      condition.longWindowSeconds,
      condition.shortWindowSeconds,
    ]) {
      if (!labels.has(seconds)) labels.set(seconds, windowLabel(seconds));
    }
  }
  const lookbacks = [...labels.entries()].map(([seconds, label]) => ({
    seconds,
    label,
  }));
  return {
    window,
    lastWindow,
    lookbacks,
    intervals: [
      { from: window.start, to: windowEnd, what: 'SLO window' },
      ...(lastWindow
        ? [{ from: lastWindow.start, to: lastWindow.end, what: 'last window' }]
        : []),
      ...lookbacks.map(({ seconds, label }) => ({
        from: new Date(now.getTime() - seconds * 1000),
        to: now,
        what: `last ${label}`,
      })),
    ],
  };
}
