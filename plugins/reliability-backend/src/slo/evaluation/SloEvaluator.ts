import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  SloDefinition,
  SloLastWindow,
  SloObjectiveStatus,
  SloStatus,
} from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import {
  budgetingOf,
  sliceSecondsOf,
  slicesRatioSli,
  timeSliceTargetOf,
} from './budgeting';
import { getOrLoadUnlessFailed, TtlCache } from '../../shared/ttlCache';
import { callWithTimeout, SliProviderError } from './callWithTimeout';
import {
  EvaluationIntervals,
  evaluationIntervals,
} from './evaluationIntervals';
import { failedStatus } from './failedStatus';
import { ObjectiveMeasurer } from './ObjectiveMeasurer';
import { objectiveStatus } from './objectiveStatus';
import { isPreloadingProvider, SliPreloadItem } from './preloadingProvider';
import {
  alertConditionsOf,
  alertingObjectiveIndex,
  metricSourceType,
} from './sloFacts';

/** A batch read replaces several calls per SLO; its deadline is that of this many calls. */
const PRELOAD_DEADLINE_CALLS = 6;
/** A closed window's counts are measured again after this long (data written late for it shows then). */
const CLOSED_WINDOW_TTL_MS = 60 * 60_000;
/** A window is taken as closed for good this long after its end (providers' ingestion and rule delays). */
const CLOSED_WINDOW_SETTLE_MS = 15 * 60_000;
/** Closed windows' counts kept at most (objectives of calendar-window SLOs). */
const CLOSED_WINDOW_ENTRIES = 50_000;

/** Options of the SloEvaluator. */
export interface SloEvaluatorOptions {
  providers: readonly SliProvider[];
  /** Deadline of each provider call. */
  callTimeoutMs: number;
  /** How a provider type is shown as data source (e.g. marks the demo-seeded embedded store). */
  dataSourceLabel?: (type: string) => string;
}

/**
 * Computes the state of one SLO now: counts over the SLO window, the last window and the burn-rate windows
 * from the SLI provider its metric source names (see ObjectiveMeasurer), then for every objective error
 * budget, burn rates, multiwindow alerts and time to exhaustion (objectiveStatus); the headline numbers are
 * those of the alerting objective. Throws SliProviderError when the provider is missing, fails or is too slow.
 */
export class SloEvaluator {
  private readonly providers: Map<string, SliProvider>;
  /**
   * Counts of closed windows (a calendar SLO's previous period), so every collection run does not ask the provider
   * again for a period whose data no longer changes (one more vendor request per objective and run, or one per slice
   * where the provider cannot count slices); data written late for a closed period shows within the time to live.
   */
  private readonly closedWindows = new TtlCache<Promise<SliEventCounts>>({
    ttlMs: CLOSED_WINDOW_TTL_MS,
    maxEntries: CLOSED_WINDOW_ENTRIES,
  });

  constructor(private readonly options: SloEvaluatorOptions) {
    this.providers = new Map(
      options.providers.map(p => [p.type.toLowerCase(), p]),
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
   * The counts of one objective of an SLO over each interval, in the objective's unit (events, or slices on
   * the clock grid under slice budgeting): exactly what `evaluate` measures, so a series built from them (the
   * burn-down) ends where the headline numbers are. Throws SliProviderError when the provider is missing or
   * any call fails.
   */
  async measure(
    entity: Entity,
    slo: SloDefinition,
    objectiveIndex: number,
    intervals: Array<{ from: Date; to: Date }>,
  ): Promise<SliEventCounts[]> {
    const measurer = this.measurerOf(entity, slo);
    measurer.checkSliceBudget(intervals);
    return Promise.all(
      intervals.map(interval =>
        measurer.measure(objectiveIndex, {
          ...interval,
          what: `${interval.from.toISOString()} to ${interval.to.toISOString()}`,
        }),
      ),
    );
  }

  /**
   * Reads ahead, at `now`, what evaluating these SLOs will ask providers that read batches (the embedded
   * store: a constant number of queries for the whole batch). Returns those providers' batch views by
   * provider type, to pass to `evaluate`; other providers are asked call by call as usual. Throws
   * SliProviderError when a read fails or is too slow (evaluating without the views still works).
   */
  async preload(
    batch: Array<{ entity: Entity; slo: SloDefinition }>,
    now: Date,
  ): Promise<Map<string, SliProvider>> {
    const byType = new Map<string, SliPreloadItem[]>();
    for (const { entity, slo } of batch) {
      const type = metricSourceType(slo.indicator);
      const provider = type ? this.providers.get(type) : undefined;
      if (!type || !provider || !isPreloadingProvider(provider)) continue;
      const { conditions } = alertConditionsOf(slo);
      const plan = evaluationIntervals(slo, now, conditions);
      const items = byType.get(type) ?? [];
      items.push({
        entity,
        indicator: slo.indicator,
        // A previous period whose counts are kept is not read again (a month of rows for a monthly SLO).
        intervals: this.keptClosedWindow(entity, slo, plan, now)
          ? plan.intervals.filter((_, i) => i !== 1)
          : plan.intervals,
        sliceSeconds: slicesRatioSli(slo)
          ? [...new Set(slo.objectives.map(sliceSecondsOf))]
          : [],
        timeSliceTargets:
          slicesRatioSli(slo) && budgetingOf(slo) === 'Timeslices'
            ? [...new Set(slo.objectives.map(timeSliceTargetOf))]
            : [],
      });
      byType.set(type, items);
    }
    const views = new Map<string, SliProvider>();
    for (const [type, items] of byType) {
      views.set(type, await this.preloadOne(type, items));
    }
    return views;
  }

  private preloadOne(
    type: string,
    items: SliPreloadItem[],
  ): Promise<SliProvider> {
    const provider = this.providers.get(type)!;
    if (!isPreloadingProvider(provider)) return Promise.resolve(provider);
    return callWithTimeout(
      () => provider.preload(items),
      this.options.callTimeoutMs * PRELOAD_DEADLINE_CALLS,
      `SLI provider '${type}' (reading ${items.length} SLOs ahead)`,
    );
  }

  /**
   * The state of one SLO at `now`. `views` are batch views from `preload` (by provider type), used instead of
   * the providers themselves. `waitUntil` (epoch ms, the end of a refresh cycle): provider calls wait for vendor
   * budget turns up to then, and are refused after it.
   */
  async evaluate(
    entity: Entity,
    slo: SloDefinition,
    now: Date,
    views?: Map<string, SliProvider>,
    options: { waitUntil?: number } = {},
  ): Promise<SloStatus> {
    const measurer = this.measurerOf(entity, slo, views, options.waitUntil);
    const { conditions, source } = alertConditionsOf(slo);
    const plan = evaluationIntervals(slo, now, conditions);
    measurer.checkSliceBudget(plan.intervals);
    const windowEnd = plan.window.end < now ? plan.window.end : now;

    // A calendar SLO's previous period, once settled, is measured at most once an hour (see closedWindows); a
    // measurement that fails is not kept.
    const closed = settledLastWindow(plan, now);
    const objectives = await Promise.all(
      slo.objectives.map(async (objective, index) => {
        const [windowCounts, ...rest] = await Promise.all(
          plan.intervals.map((interval, i) =>
            closed && i === 1
              ? getOrLoadUnlessFailed(
                  this.closedWindows,
                  closedWindowKey(entity, slo, index, interval.from),
                  () => measurer.measure(index, interval),
                  now,
                )
              : measurer.measure(index, interval),
          ),
        );
        const lastCounts = plan.lastWindow ? rest.shift()! : windowCounts;
        return objectiveStatus(slo, objective, {
          now,
          windowCounts,
          lastCounts,
          lastWindow: plan.lastWindow ?? {
            start: plan.window.start,
            end: windowEnd,
          },
          lookbacks: plan.lookbacks.map((lookback, i) => ({
            ...lookback,
            counts: rest[i],
          })),
          conditions,
        });
      }),
    );
    return this.statusOf(slo, objectives, {
      now,
      window: plan.window,
      alertsSource: source,
    });
  }

  /** Whether the settled previous period's counts are kept for every objective (its interval need not be read). */
  private keptClosedWindow(
    entity: Entity,
    slo: SloDefinition,
    plan: EvaluationIntervals,
    now: Date,
  ): boolean {
    const lastWindow = plan.lastWindow;
    return (
      lastWindow !== undefined &&
      settledLastWindow(plan, now) &&
      slo.objectives.every((_, index) =>
        this.closedWindows.has(
          closedWindowKey(entity, slo, index, lastWindow.start),
          now,
        ),
      )
    );
  }

  /** See {@link failedStatus}. */
  failedStatus(
    slo: SloDefinition,
    previous: SloStatus | undefined,
    error: unknown,
    now: Date,
  ): SloStatus {
    return failedStatus(slo, previous, error, now, this.dataSourceOf(slo));
  }

  private measurerOf(
    entity: Entity,
    slo: SloDefinition,
    views?: Map<string, SliProvider>,
    waitUntil?: number,
  ): ObjectiveMeasurer {
    const provider = this.providerOf(slo);
    return new ObjectiveMeasurer({
      provider: views?.get(provider.type.toLowerCase()) ?? provider,
      entity,
      slo,
      callTimeoutMs: this.options.callTimeoutMs,
      waitUntil,
    });
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

  /** The SLO's state: the alerting objective's numbers as headline, every objective, the last window. */
  private statusOf(
    slo: SloDefinition,
    objectives: SloObjectiveStatus[],
    context: {
      now: Date;
      window: { start: Date; end: Date };
      alertsSource: SloStatus['alertsSource'];
    },
  ): SloStatus {
    const objectiveIndex = alertingObjectiveIndex(slo);
    const headline = objectives[objectiveIndex];
    const lastWindows = objectives
      .map(o => o.lastWindow)
      .filter((w): w is SloLastWindow => w !== null && w.met !== null);
    const at = context.now.toISOString();
    return {
      collectedAt: at,
      checkedAt: at,
      windowStart: context.window.start.toISOString(),
      windowEnd: context.window.end.toISOString(),
      target: headline.target,
      good: headline.good,
      total: headline.total,
      attainment: headline.attainment,
      budgetRemaining: headline.budgetRemaining,
      burnRate: headline.burnRate,
      burnRates: headline.burnRates,
      alertState: headline.alertState,
      alertsSource: context.alertsSource,
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
          : { ...headline.lastWindow!, met: lastWindows.every(w => w.met) },
    };
  }
}

/** Whether the plan's previous period (a calendar SLO's) closed long enough ago that its data no longer changes. */
function settledLastWindow(plan: EvaluationIntervals, now: Date): boolean {
  return (
    plan.lastWindow !== undefined &&
    now.getTime() - plan.lastWindow.end.getTime() >= CLOSED_WINDOW_SETTLE_MS
  );
}

/**
 * What a closed window's counts depend on: the entity, the SLO, the objective (thresholds and slices), the
 * indicator's queries, the window and its start. A changed definition is measured anew.
 */
function closedWindowKey(
  entity: Entity,
  slo: SloDefinition,
  index: number,
  start: Date,
): string {
  return JSON.stringify([
    entityRefKey(entity),
    slo.name,
    index,
    slo.indicator,
    slo.objectives[index],
    slo.budgetingMethod,
    slo.window,
    start.toISOString(),
  ]);
}
