import { Entity } from '@backstage/catalog-model';
import {
  SliEventCountsRequest,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';

/** What one SLO of a batch will measure: its intervals, and the slice lengths of its slice-budgeted objectives. */
export interface SliPreloadItem {
  entity: Entity;
  indicator: SliEventCountsRequest['indicator'];
  intervals: Array<{ from: Date; to: Date }>;
  /** Slice lengths (seconds) its objectives cut intervals into on the clock grid; empty for event counts only. */
  sliceSeconds: number[];
  /** The Timeslices targets its objectives judge slices by (empty unless Timeslices). */
  timeSliceTargets: number[];
}

/**
 * An SLI provider that reads what a whole batch of SLO evaluations needs at once (the embedded provider does,
 * in a constant number of queries per batch) and answers the batch's calls from it. Calls the preloaded data
 * cannot answer go to the provider itself. Declared here, by its one consumer, like `SliceRatioProvider`,
 * until a provider module needs it.
 */
export interface PreloadingSliProvider extends SliProvider {
  preload(items: SliPreloadItem[]): Promise<SliProvider>;
}

/** Whether a provider reads batches ahead. */
export function isPreloadingProvider(
  provider: SliProvider,
): provider is PreloadingSliProvider {
  return (
    typeof (provider as Partial<PreloadingSliProvider>).preload === 'function'
  );
}
