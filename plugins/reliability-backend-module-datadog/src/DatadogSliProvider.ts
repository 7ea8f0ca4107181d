import { InputError } from '@backstage/errors';
import { MetricSource } from '@internal/backstage-plugin-reliability-common';
import {
  ProviderResponseError,
  SliEventCounts,
  SliEventCountsRequest,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { z } from 'zod';
import { DatadogClient, DatadogSloHistory } from './DatadogClient';

const metricSpec = z.object({
  sloId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Datadog SLO id'),
});

const SLICE_SECONDS = 60;

/** The metric source type the provider serves. */
export const DATADOG_TYPE = 'datadog';

function sloIdOf(indicator: SliEventCountsRequest['indicator']): string {
  const sources: Array<MetricSource | undefined> = [
    indicator.ratio?.total,
    indicator.ratio?.good,
    indicator.ratio?.bad,
    indicator.threshold?.metricSource,
  ];
  for (const source of sources) {
    const spec = metricSpec.safeParse(source?.spec);
    if (spec.success) {
      return spec.data.sloId;
    }
  }
  throw new InputError(
    'A datadog SLI needs spec.sloId (the id of a Datadog SLO) on its metric source',
  );
}

/**
 * Good/total counts from Datadog SLO history.
 *
 * - Metric-based SLOs: good = `series.numerator.sum`, total = `series.denominator.sum` (exact counts).
 * - Monitor-based (and time-slice) SLOs only report an SLI percentage (`overall.sli_value`), no counts. They
 *   are expressed in minutes of the interval: total = whole minutes in [from, to), good =
 *   sli_value / 100 * total, not rounded, so good/total is the SLI value itself and burn rates are computed
 *   from it (a 5-minute window at 99.9 % is 0.1 % bad, not 0 or 20 %). No SLI value (no data) means no
 *   traffic: 0 / 0.
 */
export function eventCountsFromHistory(
  history: DatadogSloHistory,
  from: Date,
  to: Date,
  sloId: string,
): SliEventCounts {
  const data = history.data;
  if (!data) {
    const errors = (history.errors ?? [])
      .map(error => (typeof error === 'string' ? error : error.error))
      .join('; ');
    throw new ProviderResponseError(
      'Datadog',
      `Datadog returned no history for SLO ${sloId}${
        errors ? `: ${errors}` : ''
      }`,
    );
  }
  if (data.type === 'metric' || data.type_id === 1) {
    if (!data.series) {
      throw new ProviderResponseError(
        'Datadog',
        `Datadog returned no numerator/denominator series for metric SLO ${sloId}`,
      );
    }
    const total = Math.max(0, data.series.denominator.sum);
    const good = Math.min(Math.max(0, data.series.numerator.sum), total);
    return { good, total };
  }
  const sli = data.overall?.sli_value;
  if (sli === null || sli === undefined) {
    return { good: 0, total: 0 };
  }
  const total = Math.floor(
    (to.getTime() - from.getTime()) / 1000 / SLICE_SECONDS,
  );
  const good = (Math.min(Math.max(sli, 0), 100) / 100) * total;
  return { good, total };
}

/**
 * SLI provider for metric sources of type `datadog` (`spec: { sloId }`), reading Datadog SLO history.
 *
 * @public
 */
export class DatadogSliProvider implements SliProvider {
  readonly type = DATADOG_TYPE;

  constructor(private readonly client: DatadogClient) {}

  async getEventCounts(
    request: SliEventCountsRequest,
  ): Promise<SliEventCounts> {
    const { indicator, from, to, signal } = request;
    if (to.getTime() - from.getTime() < SLICE_SECONDS * 1000) {
      throw new InputError('The SLI interval must be at least one minute long');
    }
    const sloId = sloIdOf(indicator);
    const history = await this.client.getSloHistory(sloId, from, to, signal);
    return eventCountsFromHistory(history, from, to, sloId);
  }
}
