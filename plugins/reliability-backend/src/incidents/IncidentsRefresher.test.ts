import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
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
