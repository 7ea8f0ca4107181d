import {
  SloAlertState,
  SloHistoryPoint,
} from '@internal/backstage-plugin-reliability-common';

const ALERT_SEVERITY: Record<SloAlertState, number> = {
  unknown: 0,
  ok: 1,
  ticket: 2,
  page: 3,
};

function mean(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return present.reduce((a, b) => a + b, 0) / present.length;
}

function mergeBucket(points: SloHistoryPoint[]): SloHistoryPoint {
  const last = points[points.length - 1];
  const labels = new Set(points.flatMap(p => Object.keys(p.burnRates)));
  const burnRates: Record<string, number | null> = {};
  for (const label of labels) {
    burnRates[label] = mean(points.map(p => p.burnRates[label] ?? null));
  }
  const alertState = points.reduce<SloAlertState>(
    (worst, p) =>
      ALERT_SEVERITY[p.alertState] > ALERT_SEVERITY[worst]
        ? p.alertState
        : worst,
    'unknown',
  );
  return {
    at: last.at,
    windowStart: last.windowStart,
    windowEnd: last.windowEnd,
    attainment: mean(points.map(p => p.attainment)),
    budgetRemaining: mean(points.map(p => p.budgetRemaining)),
    burnRates,
    alertState,
    stale: points.every(p => p.stale),
  };
}

/**
 * Bounds a time-ordered series to `maxPoints` by averaging points into equal-width time buckets
 * over [from, to] (the most severe alert state of a bucket wins; a bucket is stale only when all its points are).
 */
export function downsampleHistory(
  points: SloHistoryPoint[],
  from: Date,
  to: Date,
  maxPoints: number,
): { points: SloHistoryPoint[]; downsampled: boolean } {
  if (points.length <= maxPoints) {
    return { points, downsampled: false };
  }
  const span = Math.max(1, to.getTime() - from.getTime());
  const width = span / maxPoints;
  const buckets = new Map<number, SloHistoryPoint[]>();
  for (const point of points) {
    const offset = new Date(point.at).getTime() - from.getTime();
    const index = Math.min(
      maxPoints - 1,
      Math.max(0, Math.floor(offset / width)),
    );
    const bucket = buckets.get(index);
    if (bucket) bucket.push(point);
    else buckets.set(index, [point]);
  }
  const merged = [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, bucket]) => mergeBucket(bucket));
  return { points: merged, downsampled: true };
}
