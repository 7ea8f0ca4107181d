import { SloAlertState } from '../../slo/api';

/**
 * Math of the SLO review report: how much of the error budget a window spent, and the burn-rate alert episodes
 * seen in a series of collected SLO states. Pure; null when unknown, never NaN.
 */

/**
 * Share of the error budget a window spent, from its attainment: (1 - attainment) / (1 - target). 0 = none,
 * 1 = all of it, above 1 = overspent. Null without attainment or for a 100 % target (no budget).
 *
 * @public
 */
export function budgetSpentFromAttainment(
  attainment: number | null,
  target: number,
): number | null {
  if (attainment === null || !Number.isFinite(attainment) || target >= 1) {
    return null;
  }
  const spent = (1 - attainment) / (1 - target);
  return Number.isFinite(spent) ? Number(spent.toPrecision(12)) : null;
}

/**
 * A period during which a burn-rate alert fired: from the first collected state that fired to the first one after
 * it that did not (`end` null: still firing at the last state). `severity` is the most severe seen in it.
 *
 * @public
 */
export interface AlertEpisode {
  start: string;
  end: string | null;
  severity: 'page' | 'ticket';
}

function isFiring(state: SloAlertState): state is 'page' | 'ticket' {
  return state === 'page' || state === 'ticket';
}

/**
 * The alert episodes of a time-ordered series of collected states. A state without data (`unknown`) ends an
 * episode like `ok` does: nothing is known to fire then.
 *
 * @public
 */
export function alertEpisodes(
  points: ReadonlyArray<{ at: string; alertState: SloAlertState }>,
): AlertEpisode[] {
  const episodes: AlertEpisode[] = [];
  let open: AlertEpisode | undefined;
  for (const point of points) {
    if (isFiring(point.alertState)) {
      if (!open) {
        open = { start: point.at, end: null, severity: point.alertState };
        episodes.push(open);
      } else if (point.alertState === 'page') {
        open.severity = 'page';
      }
    } else if (open) {
      open.end = point.at;
      open = undefined;
    }
  }
  return episodes;
}

/** Episodes counted by their severity. @public */
export function countAlertEpisodes(episodes: readonly AlertEpisode[]): {
  page: number;
  ticket: number;
} {
  return {
    page: episodes.filter(e => e.severity === 'page').length,
    ticket: episodes.filter(e => e.severity === 'ticket').length,
  };
}
