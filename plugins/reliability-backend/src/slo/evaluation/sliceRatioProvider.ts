import { SliceRatioSums } from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCountsRequest,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';

/**
 * A request for the RatioTimeslices sums of a ratio SLI over [from, to): the interval is cut into slices of
 * `sliceSeconds` aligned on `from` (the last one cut at `to`); the answer is the sum of the good/total ratios
 * of the slices with traffic and how many there were.
 */
export interface SliSliceRatiosRequest extends SliEventCountsRequest {
  sliceSeconds: number;
}

/**
 * An SLI provider that sums slice ratios natively (the embedded provider does, in SQL). Providers without it
 * are asked for event counts once per slice. Declared here, by its one consumer, until a provider module
 * needs it (then it moves to `-node` beside `getTimeslices`).
 */
export interface SliceRatioProvider extends SliProvider {
  getSliceRatios(request: SliSliceRatiosRequest): Promise<SliceRatioSums>;
}

/** Whether a provider sums slice ratios natively. */
export function isSliceRatioProvider(
  provider: SliProvider,
): provider is SliceRatioProvider {
  return (
    typeof (provider as Partial<SliceRatioProvider>).getSliceRatios ===
    'function'
  );
}
