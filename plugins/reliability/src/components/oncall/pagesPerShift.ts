import {
  AlertPages,
  OnCallPersonLoad,
} from '@internal/backstage-plugin-reliability-common';

const DAY_MS = 24 * 3600_000;

/** Pages of a team set against its on-call shifts over the same length of time. */
export interface PagesPerShift {
  pages: number;
  windowDays: number;
  /** Shifts of the team in a window as long as the pages' one, at the load window's rate. */
  shifts: number;
  /** Pages per shift; null when the team had no shift. */
  perShift: number | null;
}

/**
 * Pages per on-call shift of a team: the pages of its paging alerts over their window (30 days), divided by the
 * shifts of its people over a window as long, at the average rate of the on-call load window (90 days): a
 * shift of every escalation level counts, so a team with a secondary sees fewer pages per shift than its
 * primary takes. Null without pages data or a readable load window.
 */
export function pagesPerShift(
  pages: AlertPages | null | undefined,
  load: ReadonlyArray<Pick<OnCallPersonLoad, 'shiftCount'>>,
  loadWindow: { from: string; to: string },
): PagesPerShift | null {
  if (!pages) return null;
  const loadDays =
    (Date.parse(loadWindow.to) - Date.parse(loadWindow.from)) / DAY_MS;
  if (!Number.isFinite(loadDays) || loadDays <= 0) return null;
  const shiftsInLoad = load.reduce((n, person) => n + person.shiftCount, 0);
  const shifts = (shiftsInLoad * pages.windowDays) / loadDays;
  return {
    pages: pages.count,
    windowDays: pages.windowDays,
    shifts,
    perShift: shifts > 0 ? pages.count / shifts : null,
  };
}
