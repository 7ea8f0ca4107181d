import {
  SliEventCounts,
  SliProvider,
  SliTimesliceCounts,
} from '@internal/backstage-plugin-reliability-node';
import {
  SliceRatioSums,
  sliceCountOf,
} from '@internal/backstage-plugin-reliability-common';
import { isProviderNotConfigured } from '../../shared/providerFailures';
import { callWithTimeout, SliProviderError } from './callWithTimeout';

/**
 * Runs one provider call with a deadline; any failure becomes a SliProviderError naming the provider, except
 * "provider not configured", which stays as it is (the SLO shows its message, and it is logged once).
 */
export function callProvider<T>(
  provider: SliProvider,
  call: (signal: AbortSignal) => Promise<T>,
  what: string,
  timeoutMs: number,
  waitUntil?: number,
): Promise<T> {
  return callWithTimeout(
    call,
    timeoutMs,
    `SLI provider '${provider.type}' (${what})`,
    waitUntil,
  ).catch(error => {
    if (error instanceof SliProviderError || isProviderNotConfigured(error)) {
      throw error;
    }
    throw new SliProviderError(
      `SLI provider '${provider.type}' failed (${what}): ${
        error instanceof Error ? error.message : String(error)
      }`,
      // Keeps the type (e.g. ProviderBudgetExceededError) for the refresher's summary.
      { cause: error },
    );
  });
}

/** Validates event counts returned by a provider (finite, non-negative, good <= total). */
export function checkCounts(
  counts: SliEventCounts,
  provider: SliProvider,
): SliEventCounts {
  const valid =
    counts !== null &&
    typeof counts === 'object' &&
    Number.isFinite(counts.good) &&
    Number.isFinite(counts.total) &&
    counts.good >= 0 &&
    counts.total >= 0 &&
    counts.good <= counts.total;
  if (!valid) {
    throw new SliProviderError(
      `SLI provider '${provider.type}' returned invalid event counts`,
    );
  }
  return { good: counts.good, total: counts.total };
}

/** Validates Timeslices counts of [from, to) (slices aligned on `from`) and returns them as counts. */
export function checkSliceCounts(
  counts: SliTimesliceCounts,
  provider: SliProvider,
  interval: { from: Date; to: Date },
  sliceSeconds: number,
): SliEventCounts {
  const expected = sliceCountOf(interval.from, interval.to, sliceSeconds);
  const valid =
    counts !== null &&
    typeof counts === 'object' &&
    Number.isInteger(counts.goodSlices) &&
    counts.totalSlices === expected &&
    counts.goodSlices >= 0 &&
    counts.goodSlices <= counts.totalSlices;
  if (!valid) {
    throw new SliProviderError(
      `SLI provider '${provider.type}' returned invalid time-slice counts (expected ${expected} slices)`,
    );
  }
  return { good: counts.goodSlices, total: counts.totalSlices };
}

/** Validates slice ratio sums of [from, to) (slices aligned on `from`) and returns them as counts. */
export function checkSliceRatios(
  sums: SliceRatioSums,
  provider: SliProvider,
  interval: { from: Date; to: Date },
  sliceSeconds: number,
): SliEventCounts {
  const slices = sliceCountOf(interval.from, interval.to, sliceSeconds);
  const valid =
    sums !== null &&
    typeof sums === 'object' &&
    Number.isInteger(sums.slicesWithData) &&
    sums.slicesWithData >= 0 &&
    sums.slicesWithData <= slices &&
    Number.isFinite(sums.ratioSum) &&
    sums.ratioSum >= 0 &&
    sums.ratioSum <= sums.slicesWithData + 1e-9;
  if (!valid) {
    throw new SliProviderError(
      `SLI provider '${provider.type}' returned invalid slice ratios (at most ${slices} slices)`,
    );
  }
  return {
    good: Math.min(sums.ratioSum, sums.slicesWithData),
    total: sums.slicesWithData,
  };
}
