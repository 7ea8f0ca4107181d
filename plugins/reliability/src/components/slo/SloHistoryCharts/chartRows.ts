import {
  cleanNumber,
  formatRatio,
  SloBurndownResponse,
  SloHistoryPoint,
} from '@internal/backstage-plugin-reliability-common';

/** One row of the burn-down chart: time, budget remaining and the ideal linear burn, in %. */
export interface BurndownRow {
  at: number;
  remaining: number | null;
  ideal: number | null;
}

/** One row of the burn-rate history chart. */
export interface BurnRateRow {
  at: number;
  burn1h: number | null;
  burn6h: number | null;
  burn3d: number | null;
}

/** A ratio as the chart's percent coordinate, not rounded (the tooltip formats it with `formatChartPercent`). */
const percent = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : cleanNumber(value * 100);

/**
 * A percent coordinate of the burn-down as text, through `formatRatio` of -common (two decimals, as the value
 * is: never rounded in the SLO's favour beyond the formatter's own digits); "—" when not a number.
 */
export function formatChartPercent(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? formatRatio(cleanNumber(value / 100), 2)
    : formatRatio(null);
}

const finite = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : value;

/**
 * Rows of the burn-down chart over the whole window [windowStart, windowEnd]: the budget remaining up to
 * now, and the ideal line from 100% at the window's start to 0% at its end (calendar windows end after now:
 * a last row carries only the ideal line's end).
 */
export function burndownRows(burndown: SloBurndownResponse): BurndownRow[] {
  const rows: BurndownRow[] = burndown.points.map(point => ({
    at: Date.parse(point.at),
    remaining: percent(point.budgetRemaining),
    ideal: percent(point.ideal),
  }));
  const end = Date.parse(burndown.windowEnd);
  const last = rows[rows.length - 1];
  if (last && Number.isFinite(end) && end > last.at) {
    rows.push({ at: end, remaining: null, ideal: 0 });
  }
  return rows;
}

/** Rows of the burn-rate history chart from collected snapshots; failed collections are gaps, not zeros. */
export function burnRateRows(points: SloHistoryPoint[]): BurnRateRow[] {
  return points.map(point => ({
    at: Date.parse(point.at),
    burn1h: point.stale ? null : finite(point.burnRates['1h']),
    burn6h: point.stale ? null : finite(point.burnRates['6h']),
    burn3d: point.stale ? null : finite(point.burnRates['3d']),
  }));
}

/** Whether the newest budget remaining lies below the chart's lower end (deep overspend, stated in words). */
export function endsBelowChart(rows: BurndownRow[], floor: number): boolean {
  const last = [...rows].reverse().find(row => row.remaining !== null);
  return last?.remaining !== null && last?.remaining !== undefined
    ? last.remaining < floor
    : false;
}

/**
 * Lower end of the burn-down's y axis (%): 0, or below it when the budget is overspent, but no lower than
 * -100% so the ideal line stays readable (deeper overspend runs off the chart and is stated in words).
 */
export function burndownFloor(rows: BurndownRow[]): number {
  const lowest = Math.min(
    0,
    ...rows.map(r => r.remaining ?? 0).filter(Number.isFinite),
  );
  return Math.max(-100, Math.floor(lowest / 25) * 25);
}
