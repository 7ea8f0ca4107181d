import {
  entityRefKey,
  SliceRatioSums,
} from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliEventCountsRequest,
  SliProvider,
  SliTimesliceCounts,
  SliTimeslicesRequest,
} from '@internal/backstage-plugin-reliability-node';
import {
  SliceRatioProvider,
  SliSliceRatiosRequest,
} from '../evaluation/sliceRatioProvider';
import { SliEventStore } from './SliEventStore';

/** Metric source type of SLIs whose events are pushed to the reliability backend itself. */
export const EMBEDDED_SLI_TYPE = 'embedded';

/**
 * The SLI name an embedded metric source refers to: `spec.sli` of its metric source
 * (`metricSource: { type: embedded, spec: { sli: checkout-availability } }`), else the indicator's name.
 */
export function embeddedSliName(
  indicator: SliEventCountsRequest['indicator'],
): string {
  const source =
    indicator.ratio?.total ??
    indicator.ratio?.good ??
    indicator.threshold?.metricSource;
  const sli = source?.spec?.sli;
  return typeof sli === 'string' && sli.trim() ? sli.trim() : indicator.name;
}

/** SLI provider reading the event counts pushed to `POST /entities/:kind/:namespace/:name/sli-events`. */
export class EmbeddedSliProvider implements SliProvider, SliceRatioProvider {
  readonly type = EMBEDDED_SLI_TYPE;

  constructor(private readonly options: { store: SliEventStore }) {}

  async getEventCounts(
    request: SliEventCountsRequest,
  ): Promise<SliEventCounts> {
    return this.options.store.sumEvents(
      entityRefKey(request.entity),
      embeddedSliName(request.indicator),
      request.from,
      request.to,
    );
  }

  /** Timeslices grouped in the database; see SliEventStore.countSlices for the slicing rule. */
  async getTimeslices(
    request: SliTimeslicesRequest,
  ): Promise<SliTimesliceCounts> {
    return this.options.store.countSlices(
      entityRefKey(request.entity),
      embeddedSliName(request.indicator),
      request.from,
      request.to,
      request.sliceSeconds,
      request.timeSliceTarget,
    );
  }

  /** RatioTimeslices sums grouped in the database, with the slicing rule of `getTimeslices`. */
  async getSliceRatios(
    request: SliSliceRatiosRequest,
  ): Promise<SliceRatioSums> {
    return this.options.store.sumSliceRatios(
      entityRefKey(request.entity),
      embeddedSliName(request.indicator),
      request.from,
      request.to,
      request.sliceSeconds,
    );
  }
}
