import {
  SliEventCountsRequest,
  SliProvider,
  SliTimeslicesRequest,
} from '@internal/backstage-plugin-reliability-node';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';
import { checkoutEntity } from '../__testUtils__/sloFixtures';
import { MAX_FALLBACK_SLICES, SloEvaluator } from './SloEvaluator';

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
        objectives: [
          { displayName: 'relaxed', target: 0.99 },
          { displayName: 'strict', target: 0.999 },
        ],
      }),
      NOW,
    );
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
    const status = await evaluator.evaluate(
      checkoutEntity(),
      slo({
        window: {
          kind: 'calendar',
          unit: 'Month',
          count: 1,
          startTime: '2026-01-01 00:00:00',
          timeZone: 'UTC',
          label: '1M',
        },
      }),
      NOW,
    );
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
});
