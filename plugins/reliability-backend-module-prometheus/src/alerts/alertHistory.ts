import { PrometheusSeries } from './PrometheusAlertsClient';

/** One uninterrupted firing of one alert series. */
export interface SeriesEpisode {
  labels: Record<string, string>;
  startedAt: Date;
  /** Null when it still fired at the end of the range. */
  resolvedAt: Date | null;
}

/** Most points a Prometheus range query returns per series (its limit is 11,000). */
const MAX_POINTS = 10_000;
/** Finest history step (short ranges; 30 days give 260 s). */
const MIN_STEP_SECONDS = 1;

/** The step of a history query over [from, to]: at least 1 s, and at most 10,000 points. */
export function historyStepSeconds(from: Date, to: Date): number {
  const seconds = Math.max(0, (to.getTime() - from.getTime()) / 1000);
  return Math.max(MIN_STEP_SECONDS, Math.ceil(seconds / MAX_POINTS));
}

/**
 * The query of the firing history: at each step, whether the alert series fired at any evaluation within the
 * step before it (`max_over_time` over the step), so firings shorter than a step are not missed.
 */
export function historyQuery(stepSeconds: number): string {
  return `max_over_time(ALERTS{alertstate="firing"}[${stepSeconds}s])`;
}

/**
 * Cuts the series of the history query into firings: consecutive steps with a value form one firing, which
 * started within the step before its first point and ended at its last point, or still fires when its last
 * point is the end of the range.
 */
export function seriesEpisodes(
  series: PrometheusSeries[],
  stepSeconds: number,
  end: Date,
): SeriesEpisode[] {
  const endSeconds = end.getTime() / 1000;
  const episodes: SeriesEpisode[] = [];
  for (const { metric, values } of series) {
    const { __name__: _name, alertstate: _state, ...labels } = metric;
    let first: number | null = null;
    let last: number | null = null;
    const close = (open: boolean) => {
      if (first === null || last === null) return;
      episodes.push({
        labels,
        startedAt: new Date((first - stepSeconds) * 1000),
        resolvedAt: open ? null : new Date(last * 1000),
      });
    };
    for (const [time] of values) {
      if (last !== null && time - last > stepSeconds * 1.5) {
        close(false);
        first = null;
      }
      if (first === null) first = time;
      last = time;
    }
    close(last !== null && endSeconds - last < stepSeconds * 1.5);
  }
  return episodes;
}
