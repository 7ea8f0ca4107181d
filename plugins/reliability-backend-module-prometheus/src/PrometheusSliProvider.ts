import { InputError } from '@backstage/errors';
import { MetricSource } from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliEventCountsRequest,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { z } from 'zod';
import { PrometheusClient } from './PrometheusClient';
import { counterIncreaseQuery, thresholdQueries } from './promql';

const metricSpec = z.object({ query: z.string().min(1).max(4000) });

/** The metric source type the provider serves. */
export const PROMETHEUS_TYPE = 'prometheus';

/** Threshold SLIs without a timeSliceWindow are sampled once a minute. */
const DEFAULT_STEP_SECONDS = 60;
/** Upper bound of the samples one threshold query may take. */
const MAX_THRESHOLD_POINTS = 100_000;

function queryOf(source: MetricSource, what: string): string {
  const spec = metricSpec.safeParse(source.spec);
  if (!spec.success) {
    throw new InputError(
      `The ${what} metric source of a prometheus SLI needs spec.query (a PromQL counter selector or expression)`,
    );
  }
  return spec.data.query;
}

/**
 * SLI provider for metric sources of type `prometheus` (`spec.query`).
 *
 * - Ratio SLIs: good and total (or bad and total, good = total - bad) are the events counters counted in
 *   [from, to], evaluated with one instant query each at `to` (`counterIncreaseQuery`): exact at scrape
 *   resolution, except for series with a counter reset inside the interval (`increase()`, approximate edges).
 * - Threshold SLIs: a gauge is sampled every `timeSliceWindow` (default 1m) with a subquery; total is the
 *   number of samples, good the number meeting the first objective's `op`/`value`.
 *
 * @public
 */
export class PrometheusSliProvider implements SliProvider {
  readonly type = PROMETHEUS_TYPE;

  constructor(private readonly client: PrometheusClient) {}

  async getEventCounts(
    request: SliEventCountsRequest,
  ): Promise<SliEventCounts> {
    const { client } = this;
    const { indicator, slo, from, to, signal } = request;
    const rangeSeconds = Math.floor((to.getTime() - from.getTime()) / 1000);
    if (rangeSeconds < 1) {
      throw new InputError('The SLI interval must be at least one second long');
    }

    if (indicator.ratio) {
      const { good, bad, total } = indicator.ratio;
      const increase = (source: MetricSource, what: string) =>
        counterIncreaseQuery(queryOf(source, what), rangeSeconds);
      // Build (and so validate) both queries before sending either.
      const totalQuery = increase(total, 'total');
      const goodOrBadQuery = good
        ? increase(good, 'good')
        : increase(bad!, 'bad');
      const [totalCount, goodOrBad] = await Promise.all([
        client.querySum(totalQuery, to, signal),
        client.querySum(goodOrBadQuery, to, signal),
      ]);
      const totalEvents = Math.max(0, totalCount);
      const goodEvents = good ? goodOrBad : totalEvents - goodOrBad;
      return {
        good: Math.min(Math.max(0, goodEvents), totalEvents),
        total: totalEvents,
      };
    }

    if (indicator.threshold) {
      const objective = slo.objectives.find(
        o => o.op !== undefined && o.value !== undefined,
      );
      if (!objective?.op || objective.value === undefined) {
        throw new InputError(
          `SLO ${slo.name} has a threshold SLI but no objective with op and value`,
        );
      }
      const stepSeconds =
        objective.timeSliceWindowSeconds ?? DEFAULT_STEP_SECONDS;
      if (rangeSeconds / stepSeconds > MAX_THRESHOLD_POINTS) {
        throw new InputError(
          `SLO ${slo.name}: sampling ${rangeSeconds}s every ${stepSeconds}s is too many points; use a longer timeSliceWindow`,
        );
      }
      const queries = thresholdQueries(
        queryOf(indicator.threshold.metricSource, 'threshold'),
        { op: objective.op, value: objective.value },
        rangeSeconds,
        stepSeconds,
      );
      const [good, total] = await Promise.all([
        client.querySum(queries.good, to, signal),
        client.querySum(queries.total, to, signal),
      ]);
      return {
        good: Math.min(Math.max(0, good), total),
        total: Math.max(0, total),
      };
    }

    throw new InputError(
      `SLO ${slo.name} has an SLI with neither ratio nor threshold`,
    );
  }
}
