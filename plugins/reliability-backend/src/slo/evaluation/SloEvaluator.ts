import { Entity } from '@backstage/catalog-model';
import {
  burnRate,
  computeErrorBudget,
  evaluateBurnRateAlerts,
  mostSevereFiring,
  SloAlertState,
  SloDefinition,
  SloStatus,
  timeToExhaustionSeconds,
  windowLengthSeconds,
  windowSeconds,
} from '@internal/backstage-plugin-reliability-common';
import {
  SliEventCounts,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { callWithTimeout, SliProviderError } from './callWithTimeout';
import {
  alertConditionsOf,
  metricSourceType,
  primaryObjective,
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

  /** Reads the counts of one interval from a provider, with a deadline and validated results. */
  private counter(provider: SliProvider, entity: Entity, slo: SloDefinition) {
    return (from: Date, to: Date, what: string) =>
      callWithTimeout(
        signal =>
          provider.getEventCounts({
            entity,
            slo,
            indicator: slo.indicator,
            from,
            to,
            signal,
          }),
        this.options.callTimeoutMs,
        `SLI provider '${provider.type}' (${what})`,
      )
        .catch(error => {
          if (error instanceof SliProviderError) throw error;
          throw new SliProviderError(
            `SLI provider '${provider.type}' failed (${what}): ${
              error instanceof Error ? error.message : String(error)
            }`,
          );
        })
        .then(counts => checkCounts(counts, `SLI provider '${provider.type}'`));
  }

  async evaluate(
    entity: Entity,
    slo: SloDefinition,
    now: Date,
  ): Promise<SloStatus> {
    const provider = this.providerOf(slo);
    const target = primaryObjective(slo).target;
    const window = windowSeconds(slo.window, now);
    const windowEnd = window.end < now ? window.end : now;
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

    const count = this.counter(provider, entity, slo);

    const [windowCounts, ...lookbackCounts] = await Promise.all([
      count(window.start, windowEnd, 'SLO window'),
      ...[...lookbacks.keys()].map(seconds =>
        count(
          new Date(now.getTime() - seconds * 1000),
          now,
          `last ${lookbacks.get(seconds)}`,
        ),
      ),
    ]);
    const burnRateBySeconds = new Map<number, number | null>(
      [...lookbacks.keys()].map((seconds, i) => [
        seconds,
        burnRate(lookbackCounts[i], target),
      ]),
    );

    const budget = computeErrorBudget(windowCounts, target);
    const alerts = evaluateBurnRateAlerts(
      conditions,
      seconds => burnRateBySeconds.get(seconds) ?? null,
    );
    const currentBurnRate =
      burnRateBySeconds.get(CURRENT_BURN_RATE_SECONDS) ?? null;
    const hasData =
      windowCounts.total > 0 ||
      [...burnRateBySeconds.values()].some(rate => rate !== null);
    const alertState: SloAlertState = hasData
      ? mostSevereFiring(alerts) ?? 'ok'
      : 'unknown';

    return {
      collectedAt: now.toISOString(),
      checkedAt: now.toISOString(),
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      target,
      good: windowCounts.good,
      total: windowCounts.total,
      attainment: budget.attainment,
      budgetRemaining:
        windowCounts.total > 0 ? budget.budgetRemainingRatio : null,
      burnRate: currentBurnRate,
      burnRates: [...lookbacks.entries()]
        .sort(([a], [b]) => a - b)
        .map(([seconds, label]) => ({
          label,
          windowSeconds: seconds,
          burnRate: burnRateBySeconds.get(seconds) ?? null,
        })),
      alertState,
      alertsSource: source,
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
              windowLengthSeconds(slo.window, now),
            )
          : null,
      stale: false,
      error: null,
      dataSource: this.dataSourceOf(slo),
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
    };
  }
}
