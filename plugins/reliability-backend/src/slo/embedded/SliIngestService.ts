import { InputError } from '@backstage/errors';
import { SliEventsIngestResponse } from '@internal/backstage-plugin-reliability-common';
import { describeInterval, overlappingPairs } from './intervalOverlaps';
import { SliEventRecord, SliEventStore } from './SliEventStore';

/**
 * Ingest of SLI event counts for the embedded SLI provider (`POST …/sli-events`): writes the intervals of one
 * SLI of an entity, all or nothing. Overlapping intervals are rejected (InputError), within the request and
 * against stored intervals, so no event is counted twice; an interval with the start and end of a stored one
 * replaces it (a retried request is idempotent).
 */
export class SliIngestService {
  constructor(private readonly options: { events: SliEventStore }) {}

  async ingest(
    entityRef: string,
    sli: string,
    events: SliEventRecord[],
  ): Promise<SliEventsIngestResponse> {
    const pairs = overlappingPairs(events);
    if (pairs.length > 0) {
      const [earlier, later] = pairs[0];
      throw new InputError(
        `Invalid SLI events: the interval ${describeInterval(
          events[later],
        )} overlaps ${describeInterval(events[earlier])}`,
      );
    }
    const written = await this.options.events.writeEvents(
      entityRef,
      sli,
      events,
    );
    return { entityRef, sli, written };
  }
}
