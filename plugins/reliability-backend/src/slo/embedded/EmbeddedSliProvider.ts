import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  SliEventCounts,
  SliEventCountsRequest,
  SliProvider,
  SliTimesliceCounts,
  SliTimeslicesRequest,
} from '@internal/backstage-plugin-reliability-node';
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
export class EmbeddedSliProvider implements SliProvider {
  readonly type = EMBEDDED_SLI_TYPE;

  constructor(private readonly store: SliEventStore) {}

  async getEventCounts(
    request: SliEventCountsRequest,
  ): Promise<SliEventCounts> {
    return this.store.sumEvents(
      stringifyEntityRef(request.entity).toLocaleLowerCase('en-US'),
      embeddedSliName(request.indicator),
      request.from,
      request.to,
    );
  }

  /** Timeslices grouped in the database; see SliEventStore.countSlices for the slicing rule. */
  async getTimeslices(
    request: SliTimeslicesRequest,
  ): Promise<SliTimesliceCounts> {
    return this.store.countSlices(
      stringifyEntityRef(request.entity).toLocaleLowerCase('en-US'),
      embeddedSliName(request.indicator),
      request.from,
      request.to,
      request.sliceSeconds,
      request.timeSliceTarget,
    );
  }
}
