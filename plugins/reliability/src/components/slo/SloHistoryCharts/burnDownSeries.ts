import { SloHistoryPoint } from '@internal/backstage-plugin-reliability-common';

/** One chart row: time, budget remaining (actual and ideal linear burn, in %), and burn rates. */
export interface BurnDownRow {
  at: number;
  remaining: number | null;
  ideal: number;
  burn1h: number | null;
  burn6h: number | null;
  burn3d: number | null;
}

const percent = (value: number | null) =>
  value === null || !Number.isFinite(value)
    ? null
    : Math.round(value * 10000) / 100;

const rate = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : value;

/**
 * Chart rows for an SLO's history over its window [windowStart, windowEnd]: the error budget remaining
 * next to the ideal linear burn (100% at the window's start to 0% at its end), plus burn rates.
 * Stale points (failed collections) are gaps, not zeros.
 */
export function burnDownSeries(
  points: SloHistoryPoint[],
  windowStart: string,
  windowEnd: string,
): BurnDownRow[] {
  const start = new Date(windowStart).getTime();
  const end = new Date(windowEnd).getTime();
  const span = Math.max(1, end - start);
  return points.map(point => {
    const at = new Date(point.at).getTime();
    const elapsed = Math.min(1, Math.max(0, (at - start) / span));
    return {
      at,
      remaining: percent(point.budgetRemaining),
      ideal: Math.round((1 - elapsed) * 10000) / 100,
      burn1h: rate(point.burnRates['1h']),
      burn6h: rate(point.burnRates['6h']),
      burn3d: rate(point.burnRates['3d']),
    };
  });
}
