import {
  MaturityTrendPoint,
  SloAttainmentSeries,
} from '@internal/backstage-plugin-reliability-common';
import {
  MaturitySnapshotRow,
  SloSnapshotRow,
  Stored,
} from './store/TrendsStore';

/** Maturity rows as points of a series. */
export function maturityPoints(
  rows: Stored<MaturitySnapshotRow>[],
): MaturityTrendPoint[] {
  return rows.map(row => ({
    day: row.day,
    score: row.score,
    level: row.level,
    serviceCount: row.serviceCount,
    scoredCount: row.scoredCount,
    demo: row.demo,
  }));
}

/** SLO rows grouped into one series per SLO window (windows by name, days oldest first). */
export function sloSeries(
  rows: Stored<SloSnapshotRow>[],
): SloAttainmentSeries[] {
  const byWindow = new Map<string, SloAttainmentSeries>();
  for (const row of rows) {
    const series = byWindow.get(row.window) ?? {
      window: row.window,
      points: [],
    };
    series.points.push({
      day: row.day,
      sloCount: row.sloCount,
      measuredCount: row.measuredCount,
      metCount: row.metCount,
      share: row.measuredCount > 0 ? row.metCount / row.measuredCount : null,
      demo: row.demo,
    });
    byWindow.set(row.window, series);
  }
  return [...byWindow.values()]
    .map(s => ({
      ...s,
      points: s.points.sort((a, b) => a.day.localeCompare(b.day)),
    }))
    .sort((a, b) => a.window.localeCompare(b.window));
}
