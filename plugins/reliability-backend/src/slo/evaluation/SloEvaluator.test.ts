import {
  SliEventCountsRequest,
  SliProvider,
  SliTimeslicesRequest,
} from '@internal/backstage-plugin-reliability-node';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';
import { checkoutEntity } from '../__testUtils__/sloFixtures';
import { MAX_FALLBACK_SLICES } from './ObjectiveMeasurer';
import { SliPreloadItem } from './preloadingProvider';
import { SloEvaluator } from './SloEvaluator';

const NOW = new Date('2026-11-20T12:00:00Z');

function slo(overrides: Partial<SloDefinition>): SloDefinition {
  return {
    name: 'checkout-availability',
    indicator: {
      name: 'requests',
      ratio: {
        good: { type: 'fake', spec: {} },
        total: { type: 'fake', spec: {} },
      },
    },
    window: { kind: 'rolling', durationSeconds: 86400, label: '1d' },
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    alertPolicies: [],
    ...overrides,
  };
}

/** A provider whose hour-long slices are all 100% good except those starting at the given hours (UTC). */
function hourlyProvider(badHours: number[], native: boolean) {
  const requests: SliEventCountsRequest[] = [];
  const sliceRequests: SliTimeslicesRequest[] = [];
  const countsOf = (from: Date, to: Date) => {
    const hours = (to.getTime() - from.getTime()) / 3_600_000;
    const bad = badHours.includes(from.getUTCHours()) && hours <= 1 ? 50 : 0;
    return {
      good: Math.round(hours * 100) - bad,
      total: Math.round(hours * 100),
    };
  };
  const provider: SliProvider = {
    type: 'fake',
    async getEventCounts(request) {
      requests.push(request);
      return countsOf(request.from, request.to);
    },
  };
  if (native) {
    provider.getTimeslices = async request => {
      sliceRequests.push(request);
      const total = Math.ceil(
        (request.to.getTime() - request.from.getTime()) /
          (request.sliceSeconds * 1000),
      );
      return { goodSlices: total - Math.min(total, 2), totalSlices: total };
    };
  }
  return { provider, requests, sliceRequests };
}

/** An SLO judged per calendar month (UTC). */
const monthly = slo({
  window: {
    kind: 'calendar',
    unit: 'Month',
    count: 1,
    startTime: '2026-01-01 00:00:00',
    timeZone: 'UTC',
    label: '1M',
  },
});

describe('SloEvaluator', () => {
  const timeslices = slo({
    budgetingMethod: 'Timeslices',
    objectives: [
      { target: 0.9, timeSliceTarget: 0.95, timeSliceWindowSeconds: 3600 },
    ],
  });

  it('budgets Timeslices on slices counted natively by the provider', async () => {
    const { provider, sliceRequests, requests } = hourlyProvider([], true);
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const status = await evaluator.evaluate(checkoutEntity(), timeslices, NOW);
    expect(requests).toHaveLength(0);
    expect(sliceRequests[0]).toMatchObject({
      sliceSeconds: 3600,
      timeSliceTarget: 0.95,
    });
    // 24 slices, 2 bad: attainment 22/24; budget 10% of 24 = 2.4 slices, 2 spent.
    expect(status).toMatchObject({
      countUnit: 'slices',
      good: 22,
      total: 24,
      attainment: 0.916666666667,
      budgetRemaining: 0.166666666667,
    });
    expect(status.objectives![0]).toMatchObject({
      countUnit: 'slices',
      timeSliceTarget: 0.95,
      timeSliceWindowSeconds: 3600,
    });
  });

  it('falls back to one query per slice when the provider cannot count slices', async () => {
    const { provider, requests } = hourlyProvider([3, 4, 5], false);
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const status = await evaluator.evaluate(checkoutEntity(), timeslices, NOW);
    // Every call is at most one slice long.
    expect(
      requests.every(r => r.to.getTime() - r.from.getTime() <= 3_600_000),
    ).toBe(true);
    expect(status).toMatchObject({ good: 21, total: 24, attainment: 0.875 });
    expect(status.budgetRemaining).toBeCloseTo(-0.25);
    expect(status.lastWindow).toMatchObject({ met: false });
  });

  it('reports Timeslices as unsupported when the fallback would need too many slices', async () => {
    const { provider, requests } = hourlyProvider([], false);
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const oneMinute = slo({
      budgetingMethod: 'Timeslices',
      window: { kind: 'rolling', durationSeconds: 30 * 86400, label: '30d' },
      objectives: [{ target: 0.99, timeSliceWindowSeconds: 60 }],
    });
    await expect(
      evaluator.evaluate(checkoutEntity(), oneMinute, NOW),
    ).rejects.toThrow(
      /Timeslices not supported by provider 'fake' for this window.*at most 2000/,
    );
    expect(MAX_FALLBACK_SLICES).toBe(2000);
    expect(requests).toHaveLength(0);
  });

  it('evaluates every objective and alerts on the one with the highest target', async () => {
    const { provider } = hourlyProvider([], false);
    provider.getEventCounts = async () => ({ good: 995, total: 1000 });
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const status = await evaluator.evaluate(
      checkoutEntity(),
      slo({
        // 30 days: the default alerts are the workbook's 14.4x, 6x and 1x (see the 1-day test below)
        window: { kind: 'rolling', durationSeconds: 30 * 86400, label: '30d' },
        objectives: [
          { displayName: 'relaxed', target: 0.99 },
          { displayName: 'strict', target: 0.999 },
        ],
      }),
      NOW,
    );
    expect(status.alerts.map(a => a.burnRateThreshold)).toEqual([14.4, 6, 1]);
    expect(status.objectiveIndex).toBe(1);
    expect(status.target).toBe(0.999);
    expect(
      status.objectives!.map(o => [
        o.displayName,
        o.attainment,
        o.lastWindow?.met,
      ]),
    ).toEqual([
      ['relaxed', 0.995, true],
      ['strict', 0.995, false],
    ]);
    expect(status.objectives![0].budgetRemaining).toBe(0.5);
    // burn rate 5 over every window against 99.9%: the workbook's 6h/30m page (6) does not fire, the 3d ticket (1) does.
    expect(status.alertState).toBe('ticket');
    expect(status.objectives![0].alertState).toBe('ok');
    expect(status.lastWindow).toMatchObject({ met: false });
  });

  it('sizes the default alerts for a 1-day SLO to its window, not to 30 days', async () => {
    const { provider } = hourlyProvider([], false);
    // Burn rate 5 over every window against 99.9%: below the workbook's 6x page, above its 1x ticket.
    provider.getEventCounts = async () => ({ good: 995, total: 1000 });
    const status = await new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    }).evaluate(
      checkoutEntity(),
      slo({ objectives: [{ target: 0.999 }] }),
      NOW,
    );
    expect(status.alertsSource).toBe('default');
    // 2% of a 1-day budget in 1h is 0.48x and 5% in 6h 0.2x: both raised to 1x; the 3-day ticket window
    // is cut to the 1-day SLO window (short window 2h).
    expect(
      status.alerts.map(a => [
        a.name,
        a.burnRateThreshold,
        a.longWindowSeconds,
        a.shortWindowSeconds,
      ]),
    ).toEqual([
      ['page-fast-burn', 1, 3600, 300],
      ['page-medium-burn', 1, 21600, 1800],
      ['ticket-slow-burn', 1, 86400, 7200],
    ]);
    expect(status.alerts[0].explanation).toBe(
      '2% of a 1-day budget in 1h = 0.48×, raised to 1×: a slower burn leaves budget at the end of the window',
    );
    // With the 30-day thresholds this would be a ticket; on a 1-day window burning 5x spends the budget in
    // under 5 hours, so it pages.
    expect(status.alertState).toBe('page');
    expect(status.burnRates.map(w => w.label)).toContain('2h');
  });

  it('alerts on any bad event against a 100% target, and keeps NaN and Infinity out of the status', async () => {
    const { provider } = hourlyProvider([], false);
    provider.getEventCounts = async () => ({ good: 9999, total: 10_000 });
    const status = await new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    }).evaluate(checkoutEntity(), slo({ objectives: [{ target: 1 }] }), NOW);
    expect(status).toMatchObject({
      target: 1,
      attainment: 0.9999,
      budgetRemaining: 0,
      burnRate: null,
      alertState: 'page',
      timeToExhaustionSeconds: 0,
      lastWindow: { met: false },
    });
    expect(
      status.alerts.map(a => [
        a.firing,
        a.unboundedBurn,
        a.longBurnRate,
        a.shortBurnRate,
      ]),
    ).toEqual([
      [true, true, null, null],
      [true, true, null, null],
      [true, true, null, null],
    ]);
    expect(status.burnRates.find(w => w.label === '1h')).toEqual({
      label: '1h',
      windowSeconds: 3600,
      burnRate: null,
      unboundedBurn: true,
    });
    // JSON turns NaN and Infinity into null: a round trip changes nothing only when there are none.
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);

    provider.getEventCounts = async () => ({ good: 10_000, total: 10_000 });
    const clean = await new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    }).evaluate(checkoutEntity(), slo({ objectives: [{ target: 1 }] }), NOW);
    expect(clean).toMatchObject({
      budgetRemaining: 1,
      burnRate: 0,
      alertState: 'ok',
      lastWindow: { met: true },
    });
    expect(clean.alerts.every(a => !a.unboundedBurn)).toBe(true);
  });

  it('decides whether a target was met from the counts, not from the rounded attainment', async () => {
    const { provider } = hourlyProvider([], false);
    // 99,998,999,999,999 of 10^14 is 0.99998999999999 (rounds to 0.99999 at 12 digits): it misses 99.999%.
    provider.getEventCounts = async () => ({
      good: 99_998_999_999_999,
      total: 100_000_000_000_000,
    });
    const status = await new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    }).evaluate(
      checkoutEntity(),
      slo({ objectives: [{ target: 0.99999 }] }),
      NOW,
    );
    expect(status.attainment).toBe(0.99999);
    expect(status.lastWindow).toMatchObject({ met: false });
  });

  it('judges calendar windows on the previous complete period', async () => {
    const requests: Array<{ from: string; to: string }> = [];
    const provider: SliProvider = {
      type: 'fake',
      async getEventCounts({ from, to }) {
        requests.push({ from: from.toISOString(), to: to.toISOString() });
        // October (the last complete month) met 99%; November so far does not.
        return from.toISOString().startsWith('2026-10')
          ? { good: 995, total: 1000 }
          : { good: 900, total: 1000 };
      },
    };
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const status = await evaluator.evaluate(checkoutEntity(), monthly, NOW);
    expect(requests).toContainEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    expect(status.attainment).toBe(0.9);
    expect(status.lastWindow).toEqual({
      start: '2026-10-01T00:00:00.000Z',
      end: '2026-11-01T00:00:00.000Z',
      attainment: 0.995,
      met: true,
    });
  });

  it('measures a settled previous period once an hour, anew when the definition changes, and never keeps a failure', async () => {
    let failOctober = false;
    const october: string[] = [];
    const provider: SliProvider = {
      type: 'fake',
      async getEventCounts({ from }) {
        if (from.toISOString().startsWith('2026-10')) {
          october.push(from.toISOString());
          if (failOctober) throw new Error('vendor down');
          return { good: 995, total: 1000 };
        }
        return { good: 900, total: 1000 };
      },
    };
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const evaluate = (definition: SloDefinition, minutes: number) =>
      evaluator.evaluate(checkoutEntity(), definition, at(minutes));
    // October closed weeks ago: measured once, kept for an hour.
    expect((await evaluate(monthly, 0)).lastWindow?.attainment).toBe(0.995);
    expect((await evaluate(monthly, 5)).lastWindow?.attainment).toBe(0.995);
    expect(october).toHaveLength(1);
    await evaluate(monthly, 61);
    expect(october).toHaveLength(2);
    // Another objective is another measurement.
    await evaluate({ ...monthly, objectives: [{ target: 0.95 }] }, 62);
    expect(october).toHaveLength(3);
    // A failed measurement is not kept: the next run asks again.
    const other = slo({ ...monthly, name: 'checkout-latency' });
    failOctober = true;
    await expect(evaluate(other, 63)).rejects.toThrow('vendor down');
    failOctober = false;
    expect((await evaluate(other, 64)).lastWindow?.met).toBe(true);
    expect(october).toHaveLength(5);
  });

  it('leaves a kept previous period out of the batch read ahead, until its counts expire', async () => {
    const preloaded: string[][] = [];
    const fromOf = (i: { from: Date }) => i.from.toISOString().slice(0, 10);
    const provider: SliProvider & {
      preload(items: SliPreloadItem[]): Promise<SliProvider>;
    } = {
      type: 'fake',
      async getEventCounts({ from }) {
        return from.toISOString().startsWith('2026-10')
          ? { good: 995, total: 1000 }
          : { good: 900, total: 1000 };
      },
      async preload(items) {
        preloaded.push(items[0].intervals.map(fromOf));
        return provider;
      },
    };
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const run = async (minutes: number) => {
      const batch = [{ entity: checkoutEntity(), slo: monthly }];
      const views = await evaluator.preload(batch, at(minutes));
      return evaluator.evaluate(checkoutEntity(), monthly, at(minutes), views);
    };
    // First run: October is read ahead and measured; the next runs within the hour leave it out and still show it.
    expect((await run(0)).lastWindow?.attainment).toBe(0.995);
    expect((await run(5)).lastWindow?.attainment).toBe(0.995);
    await run(61);
    expect(preloaded.map(froms => froms.includes('2026-10-01'))).toEqual([
      true,
      false,
      true,
    ]);
    // Only the previous period is left out: the window so far and the burn-rate look-backs are read ahead each time.
    expect(preloaded[1]).toEqual(
      preloaded[0].filter(from => from !== '2026-10-01'),
    );
    expect(preloaded[1]).toContain('2026-11-01');
  });

  it('measures a period that closed minutes ago at every run (late data may still arrive)', async () => {
    const october: string[] = [];
    const provider: SliProvider = {
      type: 'fake',
      async getEventCounts({ from }) {
        // The whole of October (burn-rate windows also reach into its last days).
        if (from.toISOString() === '2026-10-01T00:00:00.000Z') {
          october.push(from.toISOString());
        }
        return { good: 995, total: 1000 };
      },
    };
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    });
    // October closed at 2026-11-01T00:00Z; 10 and 14 minutes later it is not settled yet.
    for (const iso of ['2026-11-01T00:10:00Z', '2026-11-01T00:14:00Z']) {
      await evaluator.evaluate(checkoutEntity(), monthly, new Date(iso));
    }
    expect(october).toHaveLength(2);
  });

  it('cuts slices on the clock grid, not on the start of each measured interval', async () => {
    // 12:30: the 1-day window [Nov 19 12:30, Nov 20 12:30) touches 25 hourly slices of the grid.
    const at = new Date('2026-11-20T12:30:00Z');
    const fallback = hourlyProvider([3], false);
    const status = await new SloEvaluator({
      providers: [fallback.provider],
      callTimeoutMs: 1000,
    }).evaluate(checkoutEntity(), timeslices, at);
    expect(status).toMatchObject({ good: 24, total: 25 });
    // Every per-slice call stays inside one hour of the clock: no slice straddles a grid line.
    const hourOf = (ms: number) => Math.floor(ms / 3_600_000);
    for (const request of fallback.requests) {
      expect(hourOf(request.from.getTime())).toBe(
        hourOf(request.to.getTime() - 1),
      );
    }
    expect(fallback.requests).toContainEqual(
      expect.objectContaining({
        from: new Date('2026-11-19T12:30:00Z'),
        to: new Date('2026-11-19T13:00:00Z'),
      }),
    );

    const native = hourlyProvider([], true);
    await new SloEvaluator({
      providers: [native.provider],
      callTimeoutMs: 1000,
    }).evaluate(checkoutEntity(), timeslices, at);
    // The window is asked for in pieces that start on the grid or hold less than one slice.
    expect(
      native.sliceRequests
        .filter(r => r.from >= new Date('2026-11-19T12:30:00Z'))
        .map(r => [r.from.toISOString(), r.to.toISOString()])
        .slice(0, 3),
    ).toEqual([
      ['2026-11-19T12:30:00.000Z', '2026-11-19T13:00:00.000Z'],
      ['2026-11-19T13:00:00.000Z', '2026-11-20T12:00:00.000Z'],
      ['2026-11-20T12:00:00.000Z', '2026-11-20T12:30:00.000Z'],
    ]);
  });

  it('budgets RatioTimeslices on the average of the slices’ ratios', async () => {
    // Hourly slices of 100 requests; at 03:00 a burst of 10,000 requests of which 5,000 failed.
    const provider: SliProvider = {
      type: 'fake',
      async getEventCounts({ from, to }) {
        const hours = (to.getTime() - from.getTime()) / 3_600_000;
        if (hours > 1) throw new Error('asked for more than one slice');
        if (from.getUTCHours() === 3) return { good: 5000, total: 10_000 };
        if (from.getUTCHours() === 4) return { good: 0, total: 0 };
        return { good: 99, total: 100 };
      },
    };
    const status = await new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 1000,
    }).evaluate(
      checkoutEntity(),
      slo({
        budgetingMethod: 'RatioTimeslices',
        objectives: [{ target: 0.95, timeSliceWindowSeconds: 3600 }],
      }),
      NOW,
    );
    // 23 slices with traffic (04:00 had none): 22 at 0.99 and one at 0.5 -> average 0.968695652...
    // (per event it would be 7178 / 12200 = 0.588; as Timeslices at 0.95, 23 of 24 slices good).
    expect(status.countUnit).toBe('slices');
    expect(status.total).toBe(23);
    expect(status.good).toBeCloseTo(22 * 0.99 + 0.5, 9);
    expect(status.attainment).toBeCloseTo((22 * 0.99 + 0.5) / 23, 9);
    expect(status.objectives![0]).toMatchObject({
      budgetingMethod: 'RatioTimeslices',
      timeSliceWindowSeconds: 3600,
    });
  });
});
