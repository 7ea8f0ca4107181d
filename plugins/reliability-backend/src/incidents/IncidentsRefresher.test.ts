import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import {
  IncidentProvider,
  ProviderBudgetExceededError,
  ProviderBudgetTally,
  ProviderRequestBudget,
} from '@internal/backstage-plugin-reliability-node';
import {
  incident,
  NOW,
  serviceEntity,
  teamEntity,
} from './__testUtils__/incidentFixtures';
import { createTestIncidentService } from './__testUtils__/testIncidentService';
import { IncidentsRefresher } from './IncidentsRefresher';

jest.setTimeout(30_000);

const withDocs = serviceEntity('checkout-api');
const plain: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/checkout-payments' },
};
const team = teamEntity();

async function setup(
  entities: Entity[],
  options: {
    providers?: IncidentProvider[];
    cycleMs?: number;
    providerTimeoutMs?: number;
  } = {},
) {
  const test = await createTestIncidentService({
    entities,
    providers: options.providers,
    providerTimeoutMs: options.providerTimeoutMs,
  });
  const refresher = new IncidentsRefresher({
    catalog: test.catalog,
    auth: mockServices.auth(),
    service: test.service,
    store: test.store,
    logger: mockServices.logger.mock(),
    now: () => NOW,
    retentionDays: 400,
    cycleMs: options.cycleMs,
  });
  return { ...test, refresher };
}

/** Services a PagerDuty provider serves, named `svc-0`, `svc-1`, ... */
function pagerDutyServices(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) =>
    serviceEntity(`svc-${i}`, { 'pagerduty.com/service-id': `P${i}` }),
  );
}

/** A PagerDuty provider whose reads wait for their turn in `vendor.budget` and are counted in `vendor.calls`. */
function budgetedProvider(vendor: {
  budget?: ProviderRequestBudget;
  calls: number;
}): IncidentProvider {
  return {
    id: 'pagerduty',
    supports: entity =>
      Boolean(entity.metadata.annotations?.['pagerduty.com/service-id']),
    async getIncidents(request) {
      // What the vendor's ProviderHttpClient does: every request waits for its turn in the budget.
      const release = await vendor.budget?.acquire(request.signal);
      vendor.calls += 1;
      release?.();
      return [];
    },
  };
}

describe('IncidentsRefresher', () => {
  it('keeps the incidents of services the vendor budget refuses and says so in one line per run', async () => {
    const vendor: { budget?: ProviderRequestBudget; calls: number } = {
      calls: 0,
    };
    const provider = budgetedProvider(vendor);
    const entities = ['a', 'b', 'c'].map(name =>
      serviceEntity(name, { 'pagerduty.com/service-id': name.toUpperCase() }),
    );
    const test = await createTestIncidentService({
      entities,
      providers: [provider],
    });
    const logger = mockServices.logger.mock();
    const refresher = new IncidentsRefresher({
      catalog: test.catalog,
      auth: mockServices.auth(),
      service: test.service,
      store: test.store,
      logger,
      now: () => NOW,
      retentionDays: 400,
    });
    await refresher.run();
    expect(vendor.calls).toBe(3);

    // One request a minute on a clock that stands still: one service is read, two are refused.
    vendor.budget = new ProviderRequestBudget({
      provider: 'PagerDuty',
      requestsPerMinute: 1,
      maxWaitMs: 0,
      now: () => NOW.getTime(),
    });
    vendor.calls = 0;
    test.logger.warn.mockClear();
    await expect(refresher.run()).resolves.toMatchObject({
      refreshed: 1,
      failed: 0,
    });
    expect(vendor.calls).toBe(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      `Incidents refresh: budget of 1 requests/min for PagerDuty reached; 1 of 3 services refreshed, rest keep their last data, stale since ${NOW.toISOString()} (2 refused by the budget)`,
    );
    expect(test.logger.warn).not.toHaveBeenCalled();
  });

  it("gives every entity's provider reads a budget that waits for turns until the end of the run's cycle", async () => {
    const budgetsOf = async (cycleMs?: number) => {
      const { refresher, service } = await setup(pagerDutyServices(3), {
        cycleMs,
      });
      const budgets: ProviderBudgetTally[] = [];
      const refreshEntity = service.refreshEntity.bind(service);
      jest
        .spyOn(service, 'refreshEntity')
        .mockImplementation(async (entity, credentials, signal, budget) => {
          budgets.push(budget!);
          return refreshEntity(entity, credentials, signal, budget);
        });
      await refresher.run();
      return budgets;
    };
    const before = Date.now();
    const budgets = await budgetsOf(120_000);
    expect(budgets).toHaveLength(3);
    const [{ waitUntil }] = budgets;
    expect(waitUntil).toBeGreaterThanOrEqual(before + 120_000);
    expect(waitUntil).toBeLessThanOrEqual(Date.now() + 120_000);
    // One cycle end for the whole run.
    expect(budgets.map(b => b.waitUntil)).toEqual([
      waitUntil,
      waitUntil,
      waitUntil,
    ]);

    const unlimited = await budgetsOf();
    expect(unlimited.map(b => b.waitUntil)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('waits for budget turns until the end of its cycle, then refuses the reads at once', async () => {
    const sent = async (cycleMs?: number) => {
      // A turn a minute on the real clock; waiting for it takes no time here.
      const vendor = {
        calls: 0,
        budget: new ProviderRequestBudget({
          provider: 'PagerDuty',
          requestsPerMinute: 1,
          maxWaitMs: 3_600_000,
          sleep: async () => {},
        }),
      };
      const { refresher } = await setup(pagerDutyServices(5), {
        providers: [budgetedProvider(vendor)],
        providerTimeoutMs: 3_600_000,
        cycleMs,
      });
      await refresher.run();
      return vendor.calls;
    };
    // Without a cycle, every read waits for its turn (up to its own timeout).
    expect(await sent()).toBe(5);
    // Turns at +0 s, +60 s and +120 s fit in a cycle of 150 s; the rest are refused at once instead of waiting.
    expect(await sent(150_000)).toBe(3);
    expect(await sent(30_000)).toBe(1);
  });

  it('starts the next run at the first entity the budget refused, teams included', async () => {
    const refuse = new Set<string>();
    const provider: IncidentProvider = {
      id: 'pagerduty',
      supports: entity =>
        Boolean(entity.metadata.annotations?.['pagerduty.com/service-id']),
      async getIncidents(request) {
        if (refuse.has(request.entity.metadata.name)) {
          // What a vendor's ProviderHttpClient throws once the run's cycle is over.
          throw new ProviderBudgetExceededError(
            'PagerDuty',
            "PagerDuty budget of 60 requests/min reached: the caller's time for budget turns is over; the request was not sent",
            60,
            'requestsPerMinute',
          );
        }
        return [];
      },
    };
    // The team has stored incidents: the walk reads it after the services.
    const teamWithPager = teamEntity(undefined, {
      'pagerduty.com/service-id': 'PTEAM',
    });
    const { refresher, service } = await setup(
      [...pagerDutyServices(5), teamWithPager],
      { providers: [provider], cycleMs: 300_000 },
    );
    await service.ingest(entityRefKey(teamWithPager), [incident('G-1')]);
    const walked: string[] = [];
    const refreshEntity = service.refreshEntity.bind(service);
    jest
      .spyOn(service, 'refreshEntity')
      .mockImplementation(async (entity, ...rest) => {
        walked.push(entity.metadata.name);
        return refreshEntity(entity, ...rest);
      });
    /** Runs once and returns the order in which the run refreshed the entities. */
    const run = async () => {
      walked.length = 0;
      await refresher.run();
      return [...walked];
    };
    const order = await run();
    expect([...order].sort()).toEqual([
      'checkout-payments',
      'svc-0',
      'svc-1',
      'svc-2',
      'svc-3',
      'svc-4',
    ]);
    expect(order[5]).toBe('checkout-payments');
    const rotated = (at: number) => [...order.slice(at), ...order.slice(0, at)];

    // The budget refuses the entities at positions 2 and 4.
    refuse.add(order[2]).add(order[4]);
    await expect(run()).resolves.toEqual(order);
    // The next run starts at the first one refused; this time the budget refuses the team.
    refuse.clear();
    refuse.add('checkout-payments');
    await expect(run()).resolves.toEqual(rotated(2));
    refuse.clear();
    await expect(run()).resolves.toEqual(rotated(5));
    // Nothing refused: the run after starts at the beginning again.
    await expect(run()).resolves.toEqual(order);
  });

  it('summarises tracked entities and entities with incidents, of any kind', async () => {
    const { refresher, service, store } = await setup([withDocs, plain, team]);
    await service.ingest('component:default/plain', [incident('P-1')]);
    await service.ingest('group:default/checkout-payments', [incident('G-1')]);

    expect(await refresher.run()).toEqual({
      refreshed: 3,
      failed: 0,
      removed: 0,
      expired: 0,
    });
    const summaries = await store.getSummaries([
      'component:default/checkout-api',
      'component:default/plain',
      'group:default/checkout-payments',
    ]);
    expect([...summaries.keys()].sort()).toEqual([
      'component:default/checkout-api',
      'component:default/plain',
      'group:default/checkout-payments',
    ]);
    expect(summaries.get('component:default/plain')).toMatchObject({
      incidents: 1,
      postmortemsDue: 1,
    });
  });

  it('deletes every row of entities gone from the catalog, summaries of untracked ones, and incidents past retention', async () => {
    const { refresher, service, store } = await setup([
      withDocs,
      plain,
      // In the catalog, but neither served by a provider nor with documents.
      serviceEntity('untracked', { 'reliability.sre-portal.dev/runbooks': '' }),
    ]);
    await service.ingest('component:default/plain', [
      incident('P-1'),
      incident('P-OLD', { startedDaysAgo: 401 }),
    ]);
    await service.ingest('component:default/gone', [incident('X-1')]);
    expect(await refresher.run()).toMatchObject({ removed: 1, expired: 1 });
    // A summary of an entity the refresher no longer tracks (it lost its annotation).
    await store.replaceSummary(
      {
        entityRef: 'component:default/untracked',
        incidents: 0,
        openIncidents: 0,
        postmortemsDue: 0,
        postmortemsOverdue: 0,
        openActionItems: 0,
        overdueActionItems: 0,
        acknowledged: 0,
        mttaSeconds: null,
        acknowledgeTargetSeconds: 900,
        updatedAt: NOW.toISOString(),
      },
      [],
    );
    expect(await store.listEntityRefs()).toContain(
      'component:default/untracked',
    );

    expect(await refresher.run()).toMatchObject({ removed: 0, expired: 0 });
    expect(await store.listEntityRefs()).toEqual([
      'component:default/checkout-api',
      'component:default/plain',
    ]);
    expect(
      (await store.listIncidents('component:default/plain', new Date(0))).map(
        i => i.id,
      ),
    ).toEqual(['P-1']);
  });

  it('stops early when aborted, deleting nothing', async () => {
    const { refresher, service, store } = await setup([withDocs]);
    await service.ingest('component:default/gone', [incident('X-1')]);
    const controller = new AbortController();
    controller.abort();
    expect(await refresher.run(controller.signal)).toEqual({
      refreshed: 0,
      failed: 0,
      removed: 0,
      expired: 0,
    });
    expect(await store.listEntityRefs()).toEqual(['component:default/gone']);
  });

  it('counts an entity whose refresh fails and goes on with the others', async () => {
    const { refresher, service, documents } = await setup([
      withDocs,
      serviceEntity('payments'),
    ]);
    jest
      .spyOn(service, 'refreshEntity')
      .mockRejectedValueOnce(new Error('database busy'));
    documents.set(withDocs, []);
    const result = await refresher.run();
    expect(result).toMatchObject({ refreshed: 1, failed: 1 });
  });
});
