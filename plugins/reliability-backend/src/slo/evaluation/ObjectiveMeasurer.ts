import { Entity } from '@backstage/catalog-model';
import {
  countGoodSlices,
  gridSliceCountOf,
  gridSliceIntervals,
  SloDefinition,
  SloObjective,
  sliceRatiosAsEvents,
  splitOnSliceGrid,
  sumSliceRatios,
} from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { limitConcurrency } from '../../shared/concurrency';
import {
  budgetingOf,
  sliceSecondsOf,
  slicesRatioSli,
  timeSliceTargetOf,
} from './budgeting';
import { SliProviderError } from './callWithTimeout';
import {
  callProvider,
  checkCounts,
  checkSliceCounts,
  checkSliceRatios,
} from './providerCalls';
import { isSliceRatioProvider } from './sliceRatioProvider';

/**
 * Most per-slice provider calls one measurement may make for a slice-budgeted SLO whose provider cannot
 * count slices natively; beyond that the SLO is reported as not supported by the provider for its window.
 */
export const MAX_FALLBACK_SLICES = 2000;

/** Provider calls of one measurement running at once. */
const CONCURRENCY = 6;

/** An interval an SLO is measured over (SLO window, last window, a burn-rate window, a burn-down segment). */
export interface MeasuredInterval {
  from: Date;
  to: Date;
  what: string;
}

/** What an ObjectiveMeasurer measures. */
export interface ObjectiveMeasurerOptions {
  provider: SliProvider;
  entity: Entity;
  slo: SloDefinition;
  /** Deadline of each provider call. */
  callTimeoutMs: number;
  /** Last moment provider calls wait for vendor budget turns (epoch ms, the end of a refresh cycle). */
  waitUntil?: number;
}

const spanOf = (interval: { from: Date; to: Date }) =>
  `${interval.from.toISOString()}/${interval.to.toISOString()}`;

/**
 * Reads the counts of one SLO's objectives over intervals, in each objective's unit, for one evaluation (or
 * burn-down). Every budgeting method is measured here, so the headline numbers and the burn-down agree:
 *
 * - Occurrences: good/total events (threshold SLIs: counted with the objective's op/value).
 * - Timeslices of a ratio SLI: good/total slices, cut on the fixed clock grid of the objective's slice length
 *   (natively with `getTimeslices`, else one `getEventCounts` call per slice).
 * - RatioTimeslices of a ratio SLI: the sum of the slices' good/total ratios over the slices with traffic
 *   (natively when the provider sums slice ratios, else one call per slice).
 *
 * Identical calls are made once; at most a few provider calls run at a time.
 */
export class ObjectiveMeasurer {
  private readonly cache = new Map<string, Promise<SliEventCounts>>();
  private readonly limit = limitConcurrency(CONCURRENCY);

  constructor(private readonly options: ObjectiveMeasurerOptions) {}

  /**
   * Throws SliProviderError when measuring these intervals would need more than MAX_FALLBACK_SLICES per-slice
   * calls (a slice-budgeted ratio SLI whose provider cannot count slices natively).
   */
  checkSliceBudget(intervals: Array<{ from: Date; to: Date }>): void {
    const { slo, provider } = this.options;
    if (!slicesRatioSli(slo) || this.hasNativeSlices()) return;
    const sliceLengths = new Set(slo.objectives.map(sliceSecondsOf));
    let slices = 0;
    for (const seconds of sliceLengths) {
      for (const interval of intervals) {
        slices += gridSliceCountOf(interval.from, interval.to, seconds);
      }
    }
    if (slices > MAX_FALLBACK_SLICES) {
      throw new SliProviderError(
        `${budgetingOf(slo)} not supported by provider '${
          provider.type
        }' for this window: it has no native ` +
          `${budgetingOf(
            slo,
          )} support and the measured windows hold ${slices} slices (at most ${MAX_FALLBACK_SLICES} ` +
          `are queried one by one); use a longer timeSliceWindow, a shorter SLO window or Occurrences budgeting`,
      );
    }
  }

  /** The counts of objective `index` over one interval. */
  measure(index: number, interval: MeasuredInterval): Promise<SliEventCounts> {
    const { slo } = this.options;
    const objective = slo.objectives[index];
    if (!slicesRatioSli(slo)) {
      // Ratio SLIs count the same events for every objective; threshold SLIs depend on the objective's op/value.
      const key = slo.indicator.threshold
        ? `events|${index}|${spanOf(interval)}`
        : `events|${spanOf(interval)}`;
      return this.once(key, () => this.eventCounts(objective, interval));
    }
    if (this.hasNativeSlices()) {
      return this.nativeSlices(objective, interval);
    }
    return this.slicesOneByOne(objective, interval);
  }

  private hasNativeSlices(): boolean {
    const { slo, provider } = this.options;
    return budgetingOf(slo) === 'RatioTimeslices'
      ? isSliceRatioProvider(provider)
      : Boolean(provider.getTimeslices);
  }

  private once(
    key: string,
    call: () => Promise<SliEventCounts>,
  ): Promise<SliEventCounts> {
    let result = this.cache.get(key);
    if (!result) {
      result = this.limit(call);
      this.cache.set(key, result);
    }
    return result;
  }

  /** The request fields every provider call of an objective shares (`slo.objectives` holds only it). */
  private request(objective: SloObjective) {
    const { entity, slo } = this.options;
    return {
      entity,
      slo: { ...slo, objectives: [objective] },
      indicator: slo.indicator,
      objective,
    };
  }

  private eventCounts(
    objective: SloObjective,
    interval: MeasuredInterval,
  ): Promise<SliEventCounts> {
    const { provider, callTimeoutMs, waitUntil } = this.options;
    return callProvider(
      provider,
      signal =>
        provider.getEventCounts({
          ...this.request(objective),
          from: interval.from,
          to: interval.to,
          signal,
        }),
      interval.what,
      callTimeoutMs,
      waitUntil,
    ).then(counts => checkCounts(counts, provider));
  }

  /**
   * Native slice counting: the interval is split where the clock grid cuts it, so each provider call's slices
   * (aligned on its own `from`) are grid slices.
   */
  private async nativeSlices(
    objective: SloObjective,
    interval: MeasuredInterval,
  ): Promise<SliEventCounts> {
    const { provider, slo, callTimeoutMs, waitUntil } = this.options;
    const sliceSeconds = sliceSecondsOf(objective);
    const ratios = budgetingOf(slo) === 'RatioTimeslices';
    const timeSliceTarget = timeSliceTargetOf(objective);
    const pieces = splitOnSliceGrid(interval.from, interval.to, sliceSeconds);
    const counts = await Promise.all(
      pieces.map(piece => {
        const base = {
          ...this.request(objective),
          from: piece.from,
          to: piece.to,
          sliceSeconds,
        };
        if (ratios && isSliceRatioProvider(provider)) {
          return this.once(`ratios|${sliceSeconds}|${spanOf(piece)}`, () =>
            callProvider(
              provider,
              signal => provider.getSliceRatios({ ...base, signal }),
              interval.what,
              callTimeoutMs,
              waitUntil,
            ).then(sums =>
              checkSliceRatios(sums, provider, piece, sliceSeconds),
            ),
          );
        }
        const getTimeslices = provider.getTimeslices!.bind(provider);
        return this.once(
          `slices|${sliceSeconds}|${timeSliceTarget}|${spanOf(piece)}`,
          () =>
            callProvider(
              provider,
              signal => getTimeslices({ ...base, timeSliceTarget, signal }),
              interval.what,
              callTimeoutMs,
              waitUntil,
            ).then(result =>
              checkSliceCounts(result, provider, piece, sliceSeconds),
            ),
        );
      }),
    );
    return counts.reduce(
      (sum, c) => ({ good: sum.good + c.good, total: sum.total + c.total }),
      { good: 0, total: 0 },
    );
  }

  /** Fallback: one event-count call per grid slice, judged here. */
  private async slicesOneByOne(
    objective: SloObjective,
    interval: MeasuredInterval,
  ): Promise<SliEventCounts> {
    const slices = await Promise.all(
      gridSliceIntervals(
        interval.from,
        interval.to,
        sliceSecondsOf(objective),
      ).map(slice =>
        this.once(`events|${spanOf(slice)}`, () =>
          this.eventCounts(objective, {
            ...slice,
            what: `${interval.what}, one slice`,
          }),
        ),
      ),
    );
    if (budgetingOf(this.options.slo) === 'RatioTimeslices') {
      return sliceRatiosAsEvents(sumSliceRatios(slices));
    }
    const counts = countGoodSlices(slices, timeSliceTargetOf(objective));
    return { good: counts.goodSlices, total: counts.totalSlices };
  }
}
