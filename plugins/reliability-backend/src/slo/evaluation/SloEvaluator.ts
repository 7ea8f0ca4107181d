import { Entity } from '@backstage/catalog-model';
import {
  BurnRateAlertCondition,
  burnRate,
  computeErrorBudget,
  countGoodSlices,
  sliceCountOf,
  sliceIntervals,
  SloLastWindow,
  SloObjective,
  SloObjectiveStatus,
  evaluateBurnRateAlerts,
  mostSevereFiring,
  SloDefinition,
  SloStatus,
  timeToExhaustionSeconds,
  windowLengthSeconds,
  windowSeconds,
} from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliProvider,
  SliTimesliceCounts,
} from '@internal/backstage-plugin-reliability-node';
import { callWithTimeout, SliProviderError } from './callWithTimeout';
import { limitConcurrency } from './limitConcurrency';
import {
  alertConditionsOf,
  alertingObjectiveIndex,
  metricSourceType,
  primaryObjective,
  slicesRatioSli,
} from './sloFacts';

/** Look-back windows whose burn rates are always computed (those of the SRE workbook's alerts). */
export const BURN_RATE_WINDOWS: Array<{ label: string; seconds: number }> = [
  { label: '5m', seconds: 300 },
  { label: '30m', seconds: 1800 },
  { label: '1h', seconds: 3600 },
  { label: '6h', seconds: 21600 },
  { label: '3d', seconds: 259200 },
];

/** The window the headline "current burn rate" is taken from. */
const CURRENT_BURN_RATE_SECONDS = 3600;

function windowLabel(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

function checkCounts(counts: SliEventCounts, what: string): SliEventCounts {
  const valid =
    counts !== null &&
    typeof counts === 'object' &&
    Number.isFinite(counts.good) &&
    Number.isFinite(counts.total) &&
    counts.good >= 0 &&
    counts.total >= 0 &&
    counts.good <= counts.total;
  if (!valid) {
    throw new SliProviderError(`${what} returned invalid event counts`);
  }
  return { good: counts.good, total: counts.total };
}

/**
 * Most per-slice provider calls one evaluation may make for a Timeslices SLO whose provider has no
 * `getTimeslices`; beyond that the SLO is reported as not supported by the provider for its window.
 */
export const MAX_FALLBACK_SLICES = 2000;

/** An interval an SLO is measured over (SLO window, last window, burn-rate windows). */
interface MeasuredInterval {
  from: Date;
  to: Date;
  what: string;
}

function checkSliceCounts(
  counts: SliTimesliceCounts,
  type: string,
  from: Date,
  to: Date,
  sliceSeconds: number,
): SliEventCounts {
  const expected = sliceCountOf(from, to, sliceSeconds);
  const valid =
    counts !== null &&
    typeof counts === 'object' &&
    Number.isInteger(counts.goodSlices) &&
    counts.totalSlices === expected &&
    counts.goodSlices >= 0 &&
    counts.goodSlices <= counts.totalSlices;
  if (!valid) {
    throw new SliProviderError(
      `SLI provider '${type}' returned invalid time-slice counts (expected ${expected} slices)`,
    );
  }
  return { good: counts.goodSlices, total: counts.totalSlices };
}

/** Options of the SloEvaluator. */
export interface SloEvaluatorOptions {
  providers: SliProvider[];
  /** Deadline of each provider call. */
  callTimeoutMs: number;
  /** How a provider type is shown as data source (e.g. marks the demo-seeded embedded store). */
  dataSourceLabel?: (type: string) => string;
}

/**
 * Computes the state of one SLO now: event counts over the SLO window and the burn-rate windows from the
 * SLI provider its metric source names, then error budget, burn rates, multiwindow alerts and time to
 * exhaustion. Throws SliProviderError when the provider is missing, fails or is too slow.
 */
export class SloEvaluator {
  private readonly providers: Map<string, SliProvider>;

  constructor(private readonly options: SloEvaluatorOptions) {
    this.providers = new Map(
      options.providers.map(p => [p.type.toLocaleLowerCase('en-US'), p]),
    );
  }

  /** The data source label of an SLO, e.g. `prometheus` or `embedded (demo data)`. */
  dataSourceOf(slo: SloDefinition): string {
    const type = metricSourceType(slo.indicator) ?? 'unknown';
    return this.options.dataSourceLabel?.(type) ?? type;
  }

  /** The provider type an SLO's SLI is read from, e.g. `prometheus`; undefined when it names none. */
  providerTypeOf(slo: SloDefinition): string | undefined {
    return metricSourceType(slo.indicator);
  }

  /**
   * Good/total counts of an SLO's SLI over each interval, read from its provider with at most
   * `concurrency` calls at a time. Throws SliProviderError when the provider is missing or any call fails.
   */
  async countEvents(
    entity: Entity,
    slo: SloDefinition,
    intervals: Array<{ from: Date; to: Date }>,
    concurrency = 6,
  ): Promise<SliEventCounts[]> {
    const count = this.counter(this.providerOf(slo), entity, slo);
    const results: SliEventCounts[] = new Array(intervals.length);
    let next = 0;
    const worker = async () => {
      while (next < intervals.length) {
        const i = next++;
        results[i] = await count(
          intervals[i].from,
          intervals[i].to,
          `${intervals[i].from.toISOString()} to ${intervals[
            i
          ].to.toISOString()}`,
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.max(1, Math.min(concurrency, intervals.length)) },
        worker,
      ),
    );
    return results;
  }

  private providerOf(slo: SloDefinition): SliProvider {
    const type = metricSourceType(slo.indicator);
    const provider = type ? this.providers.get(type) : undefined;
    if (!provider) {
      throw new SliProviderError(
        `No SLI provider for metric source type '${
          type ?? '(none)'
        }' is configured in this Backstage instance`,
      );
    }
    return provider;
  }

  /** Runs one provider call with a deadline; failures become SliProviderError. */
  private call<T>(
    provider: SliProvider,
    fn: (signal: AbortSignal) => Promise<T>,
    what: string,
  ): Promise<T> {
    return callWithTimeout(
      fn,
      this.options.callTimeoutMs,
      `SLI provider '${provider.type}' (${what})`,
    ).catch(error => {
      if (error instanceof SliProviderError) throw error;
      throw new SliProviderError(
        `SLI provider '${provider.type}' failed (${what}): ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    });
  }

  /**
   * Reads the counts of one interval from a provider, with a deadline and validated results. With an
   * objective, the request names it and `slo.objectives` holds only it (threshold SLIs: its op/value).
   */
  private counter(
    provider: SliProvider,
    entity: Entity,
    slo: SloDefinition,
    objective?: SloObjective,
  ) {
    return (from: Date, to: Date, what: string) =>
      this.call(
        provider,
        signal =>
          provider.getEventCounts({
            entity,
            slo: objective ? { ...slo, objectives: [objective] } : slo,
            indicator: slo.indicator,
            ...(objective ? { objective } : {}),
            from,
            to,
            signal,
          }),
        what,
      ).then(counts => checkCounts(counts, `SLI provider '${provider.type}'`));
  }

  async evaluate(
    entity: Entity,
    slo: SloDefinition,
    now: Date,
  ): Promise<SloStatus> {
    const provider = this.providerOf(slo);
    const window = windowSeconds(slo.window, now);
    const windowEnd = window.end < now ? window.end : now;
    // Calendar windows: the previous, complete period; rolling windows: the current window (always full length).
    const lastWindow =
      slo.window.kind === 'calendar'
        ? windowSeconds(slo.window, new Date(window.start.getTime() - 1))
        : undefined;
    const { conditions, source } = alertConditionsOf(slo);
    const lookbacks = new Map<number, string>(
      BURN_RATE_WINDOWS.map(w => [w.seconds, w.label]),
    );
    for (const condition of conditions) {
      for (const seconds of [
        condition.longWindowSeconds,
        condition.shortWindowSeconds,
      ]) {
        if (!lookbacks.has(seconds))
          lookbacks.set(seconds, windowLabel(seconds));
      }
    }
    const intervals: MeasuredInterval[] = [
      { from: window.start, to: windowEnd, what: 'SLO window' },
      ...(lastWindow
        ? [{ from: lastWindow.start, to: lastWindow.end, what: 'last window' }]
        : []),
      ...[...lookbacks.entries()].map(([seconds, label]) => ({
        from: new Date(now.getTime() - seconds * 1000),
        to: now,
        what: `last ${label}`,
      })),
    ];
    const measure = this.measurer(provider, entity, slo, intervals);

    const objectives = await Promise.all(
      slo.objectives.map(async (objective, index) => {
        const [windowCounts, ...rest] = await Promise.all(
          intervals.map(interval => measure(index, interval)),
        );
        const lastCounts = lastWindow ? rest.shift()! : windowCounts;
        return this.objectiveStatus(slo, objective, {
          now,
          windowCounts,
          lastCounts,
          lastWindow: lastWindow ?? { start: window.start, end: windowEnd },
          lookbacks: [...lookbacks.keys()].map((seconds, i) => ({
            seconds,
            label: lookbacks.get(seconds)!,
            counts: rest[i],
          })),
          conditions,
        });
      }),
    );
    const objectiveIndex = alertingObjectiveIndex(slo);
    const headline = objectives[objectiveIndex];
    const lastWindows = objectives
      .map(o => o.lastWindow)
      .filter((w): w is SloLastWindow => w !== null && w.met !== null);

    return {
      collectedAt: now.toISOString(),
      checkedAt: now.toISOString(),
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      target: headline.target,
      good: headline.good,
      total: headline.total,
      attainment: headline.attainment,
      budgetRemaining: headline.budgetRemaining,
      burnRate: headline.burnRate,
      burnRates: headline.burnRates,
      alertState: headline.alertState,
      alertsSource: source,
      alerts: headline.alerts,
      timeToExhaustionSeconds: headline.timeToExhaustionSeconds,
      stale: false,
      error: null,
      dataSource: this.dataSourceOf(slo),
      countUnit: headline.countUnit,
      objectiveIndex,
      objectives,
      lastWindow:
        lastWindows.length === 0
          ? null
          : {
              ...headline.lastWindow!,
              met: lastWindows.every(w => w.met),
            },
    };
  }

  /**
   * Reads the counts of one objective over one interval, in the objective's unit: events, or slices for
   * Timeslices budgeting of ratio SLIs (natively when the provider has `getTimeslices`, else one
   * `getEventCounts` call per slice when the evaluation needs at most MAX_FALLBACK_SLICES of them).
   * Calls with the same arguments are made once per evaluation.
   */
  private measurer(
    provider: SliProvider,
    entity: Entity,
    slo: SloDefinition,
    intervals: MeasuredInterval[],
  ) {
    const cache = new Map<string, Promise<SliEventCounts>>();
    const limit = limitConcurrency(6);
    const once = (key: string, call: () => Promise<SliEventCounts>) => {
      if (!cache.has(key)) cache.set(key, call());
      return cache.get(key)!;
    };
    const sliced = slicesRatioSli(slo);
    if (sliced && !provider.getTimeslices) {
      const sliceLengths = new Set(
        slo.objectives.map(o => o.timeSliceWindowSeconds ?? 60),
      );
      let slices = 0;
      for (const seconds of sliceLengths) {
        for (const interval of intervals) {
          slices += sliceCountOf(interval.from, interval.to, seconds);
        }
      }
      if (slices > MAX_FALLBACK_SLICES) {
        throw new SliProviderError(
          `Timeslices not supported by provider '${provider.type}' for this window: it has no native Timeslices ` +
            `support and the window, last window and burn-rate windows hold ${slices} slices (at most ${MAX_FALLBACK_SLICES} ` +
            `are queried one by one); use a longer timeSliceWindow, a shorter SLO window or Occurrences budgeting`,
        );
      }
    }

    return (index: number, interval: MeasuredInterval) => {
      const objective = slo.objectives[index];
      const { from, to, what } = interval;
      const span = `${from.toISOString()}/${to.toISOString()}`;
      if (!sliced) {
        // Ratio SLIs count the same events for every objective; threshold SLIs depend on the objective's op/value.
        const key = slo.indicator.threshold ? `${index}|${span}` : span;
        return once(key, () =>
          this.counter(provider, entity, slo, objective)(from, to, what),
        );
      }
      const sliceSeconds = objective.timeSliceWindowSeconds ?? 60;
      const timeSliceTarget = objective.timeSliceTarget ?? objective.target;
      const getTimeslices = provider.getTimeslices?.bind(provider);
      if (getTimeslices) {
        return once(`slices|${sliceSeconds}|${timeSliceTarget}|${span}`, () =>
          this.call(
            provider,
            signal =>
              getTimeslices({
                entity,
                slo: { ...slo, objectives: [objective] },
                indicator: slo.indicator,
                objective,
                from,
                to,
                signal,
                sliceSeconds,
                timeSliceTarget,
              }),
            what,
          ).then(counts =>
            checkSliceCounts(counts, provider.type, from, to, sliceSeconds),
          ),
        );
      }
      const count = this.counter(provider, entity, slo, objective);
      return Promise.all(
        sliceIntervals(from, to, sliceSeconds).map(slice =>
          once(`${slice.from.toISOString()}/${slice.to.toISOString()}`, () =>
            limit(() => count(slice.from, slice.to, `${what}, one slice`)),
          ),
        ),
      ).then(slices => {
        const counts = countGoodSlices(slices, timeSliceTarget);
        return { good: counts.goodSlices, total: counts.totalSlices };
      });
    };
  }

  /** Budget, burn rates, alerts and last window of one objective from its counts. */
  private objectiveStatus(
    slo: SloDefinition,
    objective: SloObjective,
    data: {
      now: Date;
      windowCounts: SliEventCounts;
      lastCounts: SliEventCounts;
      lastWindow: { start: Date; end: Date };
      lookbacks: Array<{
        seconds: number;
        label: string;
        counts: SliEventCounts;
      }>;
      conditions: BurnRateAlertCondition[];
    },
  ): SloObjectiveStatus {
    const { target } = objective;
    const { windowCounts, lastCounts } = data;
    const burnRateBySeconds = new Map<number, number | null>(
      data.lookbacks.map(l => [l.seconds, burnRate(l.counts, target)]),
    );
    const budget = computeErrorBudget(windowCounts, target);
    const alerts = evaluateBurnRateAlerts(
      data.conditions,
      seconds => burnRateBySeconds.get(seconds) ?? null,
    );
    const currentBurnRate =
      burnRateBySeconds.get(CURRENT_BURN_RATE_SECONDS) ?? null;
    const hasData =
      windowCounts.total > 0 ||
      [...burnRateBySeconds.values()].some(rate => rate !== null);
    const lastAttainment = computeErrorBudget(lastCounts, target).attainment;
    const sliced = slo.budgetingMethod === 'Timeslices';
    return {
      ...(objective.displayName !== undefined
        ? { displayName: objective.displayName }
        : {}),
      target,
      budgetingMethod: slo.budgetingMethod,
      countUnit: sliced ? 'slices' : 'events',
      ...(sliced
        ? {
            timeSliceTarget: slicesRatioSli(slo)
              ? objective.timeSliceTarget ?? target
              : objective.timeSliceTarget,
            timeSliceWindowSeconds: objective.timeSliceWindowSeconds,
          }
        : {}),
      good: windowCounts.good,
      total: windowCounts.total,
      attainment: budget.attainment,
      budgetRemaining:
        windowCounts.total > 0 ? budget.budgetRemainingRatio : null,
      burnRate: currentBurnRate,
      burnRates: data.lookbacks
        .map(({ seconds, label }) => ({
          label,
          windowSeconds: seconds,
          burnRate: burnRateBySeconds.get(seconds) ?? null,
        }))
        .sort((a, b) => a.windowSeconds - b.windowSeconds),
      alertState: hasData ? mostSevereFiring(alerts) ?? 'ok' : 'unknown',
      alerts: alerts.map(evaluation => ({
        ...evaluation.condition,
        firing: evaluation.firing,
        longBurnRate: evaluation.longBurnRate,
        shortBurnRate: evaluation.shortBurnRate,
      })),
      timeToExhaustionSeconds:
        windowCounts.total > 0
          ? timeToExhaustionSeconds(
              budget.budgetRemainingRatio,
              currentBurnRate,
              windowLengthSeconds(slo.window, data.now),
            )
          : null,
      lastWindow: {
        start: data.lastWindow.start.toISOString(),
        end: data.lastWindow.end.toISOString(),
        attainment: lastAttainment,
        met: lastAttainment === null ? null : lastAttainment >= target,
      },
    };
  }

  /**
   * The state after a failed collection: the last good data (if any), marked stale with the error;
   * without earlier data, an empty state that carries the error (e.g. "provider not configured").
   */
  failedStatus(
    slo: SloDefinition,
    previous: SloStatus | undefined,
    error: unknown,
    now: Date,
  ): SloStatus {
    const message = error instanceof Error ? error.message : String(error);
    if (previous && previous.error === null) {
      return {
        ...previous,
        checkedAt: now.toISOString(),
        stale: true,
        error: message,
      };
    }
    if (previous && previous.total !== null) {
      return { ...previous, checkedAt: now.toISOString(), error: message };
    }
    let window = { start: now, end: now };
    try {
      window = windowSeconds(slo.window, now);
    } catch {
      // keep the empty window; the error message says what is wrong
    }
    const { source } = alertConditionsOf(slo);
    return {
      collectedAt: now.toISOString(),
      checkedAt: now.toISOString(),
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      target: primaryObjective(slo).target,
      good: null,
      total: null,
      attainment: null,
      budgetRemaining: null,
      burnRate: null,
      burnRates: [],
      alertState: 'unknown',
      alertsSource: source,
      alerts: [],
      timeToExhaustionSeconds: null,
      stale: true,
      error: message,
      dataSource: this.dataSourceOf(slo),
      countUnit: slo.budgetingMethod === 'Timeslices' ? 'slices' : 'events',
      objectiveIndex: alertingObjectiveIndex(slo),
      objectives: [],
      lastWindow: null,
    };
  }
}
