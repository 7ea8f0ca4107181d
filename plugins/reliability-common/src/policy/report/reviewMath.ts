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
  /**
   * Share of the error budget spent during the episode (see `episodeBudgetSpent`); null when the states around
   * it carry no budget, or before it was computed.
   */
  budgetSpent: number | null;
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
        open = {
          start: point.at,
          end: null,
          severity: point.alertState,
          budgetSpent: null,
        };
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

/** A collected state with the budget left then. */
interface BudgetPoint {
  at: string;
  alertState: SloAlertState;
  budgetRemaining: number | null;
}

/**
 * Budget spent during an episode: the budget left at the last state before it began (or at its first state) minus
 * the budget left at its end (or at the last state while it is still firing). For rolling windows this is an
 * approximation: events leaving the window's far end during the episode count too, a small share for episodes much
 * shorter than the window. Null when either end has no budget.
 *
 * @public
 */
export function episodeBudgetSpent(
  points: readonly BudgetPoint[],
  episode: Pick<AlertEpisode, 'start' | 'end'>,
): number | null {
  const startIndex = points.findIndex(p => p.at === episode.start);
  if (startIndex < 0) return null;
  const before = startIndex > 0 ? points[startIndex - 1] : points[startIndex];
  const endIndex =
    episode.end === null
      ? points.length - 1
      : points.findIndex(p => p.at === episode.end);
  const after = endIndex >= 0 ? points[endIndex] : undefined;
  if (
    before?.budgetRemaining === null ||
    before?.budgetRemaining === undefined ||
    after?.budgetRemaining === null ||
    after?.budgetRemaining === undefined
  ) {
    return null;
  }
  return Number(
    (before.budgetRemaining - after.budgetRemaining).toPrecision(12),
  );
}

/**
 * The alert episodes of a series of collected states with the budget each spent, biggest spender first
 * (episodes without a known spend last, in time order).
 *
 * @public
 */
export function budgetSpentByEpisode(
  points: readonly BudgetPoint[],
): AlertEpisode[] {
  return alertEpisodes(points)
    .map(episode => ({
      ...episode,
      budgetSpent: episodeBudgetSpent(points, episode),
    }))
    .sort((a, b) => {
      if (a.budgetSpent === null || b.budgetSpent === null) {
        return (
          (a.budgetSpent === null ? 1 : 0) - (b.budgetSpent === null ? 1 : 0)
        );
      }
      return b.budgetSpent - a.budgetSpent;
    });
}
