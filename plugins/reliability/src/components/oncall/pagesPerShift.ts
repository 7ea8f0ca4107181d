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
  /** Days of the on-call load window whose rate `shifts` is taken at (90). */
  loadDays: number;
  /** Pages per shift; null when the team had no shift. */
  perShift: number | null;
}

/**
 * Pages per on-call shift of a team: the pages of its paging alerts over their window (30 days), divided by the
 * shifts of its people over a window as long, at the average rate of the on-call load window (90 days): each
 * person's shifts count (a secondary's too, so a team with a secondary sees fewer pages per shift than its primary
 * takes), and a person's shifts of several services at once count as one. Null without pages data or a readable
 * load window.
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
    loadDays,
    perShift: shifts > 0 ? pages.count / shifts : null,
  };
}

const plural = (count: number, one: string, many = `${one}s`) =>
  count === 1 ? one : many;

/** A figure as people read it: whole from 10 up, else with one decimal unless it is whole ("2.5", "3", "233"). */
function roughly(value: number): string {
  if (value >= 10) return String(Math.round(value));
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * Pages per shift in words for an on-call engineer: the pages, then how often a shift is paged ("about 1 page every
 * 13 shifts" below one a shift, "about 2.5 pages per shift" from one up), then where the shifts come from (the
 * team's shifts over as many days at the rate of the load window, a person's shifts of several services at once
 * counting as one). Null without a shift to set the pages against.
 */
export function describePagesPerShift(rate: PagesPerShift): {
  pages: string;
  frequency: string | null;
  shifts: string | null;
} {
  const pages = `${rate.pages} ${plural(rate.pages, 'page')} in the last ${
    rate.windowDays
  } days`;
  if (rate.perShift === null) {
    return { pages, frequency: null, shifts: null };
  }
  let frequency: string;
  if (rate.pages === 0) {
    frequency = 'no on-call shift was paged';
  } else if (rate.perShift < 1 && Math.round(1 / rate.perShift) > 1) {
    frequency = `about 1 page every ${Math.round(
      1 / rate.perShift,
    )} on-call shifts`;
  } else {
    const perShift = roughly(rate.perShift);
    frequency = `about ${perShift} ${plural(
      Number(perShift),
      'page',
    )} per on-call shift`;
  }
  const shifts = roughly(rate.shifts);
  return {
    pages,
    frequency,
    shifts: `The team's rotations run about ${shifts} ${plural(
      Number(shifts),
      'shift',
    )} in ${rate.windowDays} days (at the pace of the last ${Math.round(
      rate.loadDays,
    )} days); a person on call for several services at once counts one shift.`,
  };
}
