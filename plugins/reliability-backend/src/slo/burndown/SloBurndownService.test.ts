import { mockServices } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';
import { SliEventCountsRequest } from '@internal/backstage-plugin-reliability-node';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloDefinitionLoader } from '../SloDefinitionLoader';
import {
  checkoutEntity,
  CHECKOUT_SLO_YAML,
} from '../__testUtils__/sloFixtures';
import { SloBurndownService } from './SloBurndownService';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;
const WINDOW_START = new Date(NOW.getTime() - 30 * DAY);

/** 1000 requests per day; 0.5 bad per day (0.05%) in the first half of the window, none later. */
function createProvider(type = 'fake') {
  const provider = {
    type,
    requests: [] as SliEventCountsRequest[],
    fail: undefined as Error | undefined,
    async getEventCounts(request: SliEventCountsRequest) {
      provider.requests.push(request);
      if (provider.fail) throw provider.fail;
      const days = (request.to.getTime() - request.from.getTime()) / DAY;
      const firstHalf =
        request.from.getTime() < WINDOW_START.getTime() + 15 * DAY;
      return {
        good: days * 1000 - (firstHalf ? days * 0.5 : 0),
        total: days * 1000,
      };
    },
  };
  return provider;
}

function setup(options: { type?: string; cheap?: string[] } = {}) {
  const provider = createProvider(options.type);
  let now = NOW;
  const loader = new SloDefinitionLoader({
    urlReader: mockServices.urlReader.mock(),
    now: () => now,
    cacheTtlMs: 0,
  });
  const evaluator = new SloEvaluator({
    providers: [provider],
    callTimeoutMs: 200,
  });
  const service = new SloBurndownService({
    loader,
    evaluator,
    logger: mockServices.logger.mock(),
    now: () => now,
    cacheTtlMs: 300_000,
    cheapProviderTypes: options.cheap ?? ['embedded'],
  });
  return {
    service,
    provider,
    setNow: (d: Date) => {
      now = d;
    },
  };
}

const entity = (type = 'fake') =>
  checkoutEntity(CHECKOUT_SLO_YAML.replace(/type: fake/g, `type: ${type}`));

describe('SloBurndownService', () => {
  it('computes the budget remaining over the current rolling window from the provider', async () => {
    const { service, provider } = setup();
    const burndown = await service.getBurndown(
      entity(),
      'checkout-availability',
      7,
    );
    // 7 instants 5 days apart: 6 provider calls covering [windowStart, now).
    expect(provider.requests).toHaveLength(6);
    expect(provider.requests[0].from).toEqual(WINDOW_START);
    expect(provider.requests[5].to).toEqual(NOW);
    expect(burndown).toMatchObject({
      entityRef: 'component:default/checkout',
      sloName: 'checkout-availability',
      target: 0.999,
      windowStart: WINDOW_START.toISOString(),
      windowEnd: NOW.toISOString(),
      computedAt: NOW.toISOString(),
      good: 29_992.5,
      total: 30_000,
      stale: false,
      error: null,
      dataSource: 'fake',
    });
    // 30 allowed bad events; 2.5 bad per 5 days in the first 15 days.
    expect(burndown.points.map(p => p.budgetRemaining)).toEqual([
      1,
      expect.closeTo(1 - 2.5 / 30, 10),
      expect.closeTo(1 - 5 / 30, 10),
      0.75,
      0.75,
      0.75,
      0.75,
    ]);
    expect(burndown.points.map(p => p.ideal)).toEqual([
      1,
      expect.closeTo(5 / 6, 10),
      expect.closeTo(4 / 6, 10),
      0.5,
      expect.closeTo(2 / 6, 10),
      expect.closeTo(1 / 6, 10),
      0,
    ]);
    expect(burndown.points[0].at).toBe(WINDOW_START.toISOString());
  });

  it('uses ~60 points by default and caches remote series for the collection interval', async () => {
    const { service, provider, setNow } = setup();
    const first = await service.getBurndown(entity(), 'checkout-availability');
    expect(first.points).toHaveLength(60);
    expect(provider.requests).toHaveLength(59);
    setNow(new Date(NOW.getTime() + 60_000));
    expect(
      await service.getBurndown(entity(), 'checkout-availability'),
    ).toEqual(first);
    expect(provider.requests).toHaveLength(59);
    setNow(new Date(NOW.getTime() + 301_000));
    await service.getBurndown(entity(), 'checkout-availability');
    expect(provider.requests).toHaveLength(118);
  });

  it('does not cache cheap (embedded) providers', async () => {
    const { service, provider } = setup({ type: 'embedded' });
    await service.getBurndown(entity('embedded'), 'checkout-availability', 3);
    await service.getBurndown(entity('embedded'), 'checkout-availability', 3);
    expect(provider.requests).toHaveLength(4);
  });

  it('serves the last series marked stale when the provider fails, or an empty one with the error', async () => {
    const { service, provider, setNow } = setup();
    provider.fail = new Error('prometheus is down');
    const empty = await service.getBurndown(
      entity(),
      'checkout-availability',
      3,
    );
    expect(empty).toMatchObject({
      points: [],
      good: null,
      total: null,
      stale: true,
      error: expect.stringContaining('prometheus is down'),
    });

    provider.fail = undefined;
    const good = await service.getBurndown(
      entity(),
      'checkout-availability',
      3,
    );
    expect(good.stale).toBe(false);
    setNow(new Date(NOW.getTime() + 600_000));
    provider.fail = new Error('prometheus is down');
    const stale = await service.getBurndown(
      entity(),
      'checkout-availability',
      3,
    );
    expect(stale).toEqual({
      ...good,
      stale: true,
      error: expect.stringContaining('prometheus is down'),
    });
  });

  it('throws NotFoundError for an unknown SLO', async () => {
    const { service } = setup();
    await expect(service.getBurndown(entity(), 'nope')).rejects.toThrow(
      NotFoundError,
    );
  });

  it('measures a threshold SLI with the objective the headline uses', async () => {
    // Latency below 500 ms for 90%, below 300 ms for 99%: the alerting objective is the 99% one.
    const slo: SloDefinition = {
      name: 'checkout-latency',
      indicator: {
        name: 'latency',
        threshold: { metricSource: { type: 'fake', spec: {} } },
      },
      window: { kind: 'rolling', durationSeconds: 30 * 86400, label: '30d' },
      budgetingMethod: 'Occurrences',
      objectives: [
        { target: 0.9, op: 'lt', value: 500 },
        { target: 0.99, op: 'lt', value: 300 },
      ],
      alertPolicies: [],
    };
    // Like the Prometheus provider: the first objective of the request with op/value decides.
    const provider = {
      type: 'fake',
      async getEventCounts(request: SliEventCountsRequest) {
        const objective = request.slo.objectives.find(o => o.op);
        const samples =
          (request.to.getTime() - request.from.getTime()) / 60_000;
        return {
          good: objective?.value === 300 ? samples * 0.95 : samples,
          total: samples,
        };
      },
    };
    const evaluator = new SloEvaluator({
      providers: [provider],
      callTimeoutMs: 200,
    });
    const service = new SloBurndownService({
      loader: { load: async () => ({ definitions: [slo] }) },
      evaluator,
      logger: mockServices.logger.mock(),
      now: () => NOW,
      cacheTtlMs: 0,
      cheapProviderTypes: [],
    });
    const status = await evaluator.evaluate(checkoutEntity(), slo, NOW);
    expect(status).toMatchObject({ objectiveIndex: 1, budgetRemaining: -4 });
    const burndown = await service.getBurndown(
      checkoutEntity(),
      'checkout-latency',
      5,
    );
    expect(burndown.target).toBe(0.99);
    expect(burndown.points[burndown.points.length - 1].budgetRemaining).toBe(
      status.budgetRemaining,
    );
  });
});
