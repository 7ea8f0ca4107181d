import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  IncidentProvider,
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

async function setup(entities: Entity[]) {
  const test = await createTestIncidentService({ entities });
  const refresher = new IncidentsRefresher({
    catalog: test.catalog,
    auth: mockServices.auth(),
    service: test.service,
    store: test.store,
    logger: mockServices.logger.mock(),
    now: () => NOW,
    retentionDays: 400,
  });
  return { ...test, refresher };
}

describe('IncidentsRefresher', () => {
  it('keeps the incidents of services the vendor budget refuses and says so in one line per run', async () => {
    const vendor: { budget?: ProviderRequestBudget; calls: number } = {
      calls: 0,
    };
    const provider: IncidentProvider = {
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
