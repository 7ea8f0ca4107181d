import {
  entityRefKey,
  SliceRatioSums,
} from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliEventCountsRequest,
  SliTimesliceCounts,
  SliTimeslicesRequest,
} from '@internal/backstage-plugin-reliability-node';
import {
  SliceRatioProvider,
  SliSliceRatiosRequest,
} from '../evaluation/sliceRatioProvider';
import { SliSegments } from './SliSegments';

/** Key of an SLI's preloaded segments. */
export const sliKeyOf = (entityRef: string, sliName: string) =>
  JSON.stringify([entityRef, sliName]);

/**
 * The embedded SLI provider for one batch of SLO evaluations: answers from the segments read for the batch
 * (`EmbeddedSliProvider.preload`), and asks the provider itself (one query per call) whatever they cannot answer.
 */
export class PreloadedSliProvider implements SliceRatioProvider {
  readonly type: string;
  /** Calls the preloaded segments could not answer (asked the store instead). */
  missed = 0;

  constructor(
    private readonly options: {
      provider: SliceRatioProvider & {
        getTimeslices(r: SliTimeslicesRequest): Promise<SliTimesliceCounts>;
      };
      /** Segments per SLI key (`sliKeyOf`): one set per grid read for it. */
      segments: Map<string, SliSegments[]>;
      sliNameOf: (indicator: SliEventCountsRequest['indicator']) => string;
    },
  ) {
    this.type = options.provider.type;
  }

  async getEventCounts(
    request: SliEventCountsRequest,
  ): Promise<SliEventCounts> {
    const answer = this.first(request, s => s.sum(request.from, request.to));
    return answer ?? this.options.provider.getEventCounts(request);
  }

  async getTimeslices(
    request: SliTimeslicesRequest,
  ): Promise<SliTimesliceCounts> {
    const answer = this.first(request, s =>
      s.countSlices(
        request.from,
        request.to,
        request.sliceSeconds,
        request.timeSliceTarget,
      ),
    );
    return answer ?? this.options.provider.getTimeslices(request);
  }

  async getSliceRatios(
    request: SliSliceRatiosRequest,
  ): Promise<SliceRatioSums> {
    const answer = this.first(request, s =>
      s.sumSliceRatios(request.from, request.to, request.sliceSeconds),
    );
    return answer ?? this.options.provider.getSliceRatios(request);
  }

  private first<T>(
    request: SliEventCountsRequest,
    answer: (segments: SliSegments) => T | undefined,
  ): T | undefined {
    const key = sliKeyOf(
      entityRefKey(request.entity),
      this.options.sliNameOf(request.indicator),
    );
    for (const segments of this.options.segments.get(key) ?? []) {
      const result = answer(segments);
      if (result !== undefined) return result;
    }
    this.missed += 1;
    return undefined;
  }
}
