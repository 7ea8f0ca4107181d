import { TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OnCallSnapshot } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../database/migrateDatabase';
import { createOnCallSummaries } from './onCallSummaries';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import {
  fakeProvider,
  serviceEntity,
  shift,
  snapshot,
} from './__testUtils__/onCallFixtures';
import { snapshotRefresh } from './__testUtils__/onCallRefreshes';
import { onCallServiceFor } from './__testUtils__/onCallServiceFor';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const entity = serviceEntity('checkout', { 'fake/oncall': 'yes' });

async function setup(answer: () => Promise<OnCallSnapshot> | OnCallSnapshot) {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  let now = new Date('2026-11-20T12:00:00.000Z');
  const store = new KnexOnCallStore({ knex: db });
  const provider = fakeProvider(answer);
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'ana.silva', namespace: 'default' },
        spec: {
          profile: { displayName: 'Ana Silva', email: 'ana@example.com' },
        },
      },
    ],
  });
  const service = onCallServiceFor({
    providers: [provider],
    store,
    catalog,
    now: () => now,
    horizonDays: 14,
  });
  return {
    service,
    store,
    catalog,
    provider,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
  };
}

describe('OnCallService', () => {
  it('drops expired cache entries past 1,000 entities, oldest first, keeping an entry refreshed since', async () => {
    const { service, provider, advance } = await setup(() => snapshot());
    const entities = Array.from({ length: 1100 }, (_, i) =>
      serviceEntity(`svc-${i}`, { 'fake/oncall': 'yes' }),
    );
    for (const e of entities) await service.getEntityOnCall(e);
    const cache = (service as unknown as { cache: Map<string, unknown> }).cache;
    expect(cache.size).toBe(1100);
    // svc-0 is fetched again later than the rest: it outlives them.
    advance(30_000);
    await service.getEntityOnCall(entities[0], { refresh: true });
    advance(40_000);
    const calls = provider.calls;
    await service.getEntityOnCall(
      serviceEntity('new', { 'fake/oncall': 'yes' }),
    );
    expect([...cache.keys()]).toEqual([
      'component:default/svc-0',
      'component:default/new',
    ]);
    // svc-0 is still served from the cache.
    await service.getEntityOnCall(entities[0]);
    expect(provider.calls).toBe(calls + 1);
  });

  it('reports entities without a supporting provider as not configured', async () => {
    const { service } = await setup(() => snapshot());
    await expect(
      service.getEntityOnCall(serviceEntity('x', {})),
    ).resolves.toEqual({
      status: 'not-configured',
      entityRef: 'component:default/x',
      owner: 'group:default/payments',
      annotations: [
        'reliability.sre-portal.dev/oncall-schedule',
        'reliability.sre-portal.dev/escalation-policy',
        'pagerduty.com/service-id',
        'opsgenie.com/team',
      ],
    });
  });

  it('explains that a provider module is missing rather than reporting no on-call', async () => {
    const { service } = await setup(() => snapshot());
    await expect(
      service.getEntityOnCall(
        serviceEntity('x', { 'pagerduty.com/service-id': 'PX1' }),
      ),
    ).resolves.toEqual(
      expect.objectContaining({
        status: 'error',
        message: expect.stringContaining(
          'annotated pagerduty.com/service-id, but the PagerDuty on-call provider is not enabled',
        ),
      }),
    );
  });

  it('links people to catalog users by email, and caches for the TTL', async () => {
    const { service, provider, advance } = await setup(() => snapshot());
    const first = await service.getEntityOnCall(entity);
    expect(first.status).toBe('ok');
    expect(first.status === 'ok' && first.snapshot.current[0].person).toEqual({
      name: 'Ana Silva',
      email: 'ana@example.com',
      userRef: 'user:default/ana.silva',
    });
    expect(first.owner).toBe('group:default/payments');
    await service.getEntityOnCall(entity);
    expect(provider.calls).toBe(1);
    advance(61_000);
    await service.getEntityOnCall(entity);
    expect(provider.calls).toBe(2);
    await service.getEntityOnCall(entity, { refresh: true });
    expect(provider.calls).toBe(3);
  });

  it('turns a provider failure into a degraded state with the last known snapshot, never an empty one', async () => {
    let fail = false;
    const { service, store, advance } = await setup(() => {
      if (fail) throw new Error('PagerDuty answered HTTP 503');
      return snapshot();
    });
    await service.getEntityOnCall(entity);
    fail = true;
    advance(61_000);
    const degraded = await service.getEntityOnCall(entity);
    expect(degraded).toEqual({
      status: 'error',
      entityRef: 'component:default/checkout',
      owner: 'group:default/payments',
      provider: 'fake',
      message: 'PagerDuty answered HTTP 503',
      lastKnown: expect.objectContaining({ provider: 'fake' }),
      lastKnownAt: '2026-11-20T12:00:00.000Z',
    });
    const latest = (await store.getLatest(['component:default/checkout'])).get(
      'component:default/checkout',
    );
    expect(latest?.error).toBe('PagerDuty answered HTTP 503');
    expect(latest?.snapshot?.current).toHaveLength(1);
  });

  it('reads the last known snapshot from the database after a restart', async () => {
    const { store, advance, now } = await setup(() => snapshot());
    await store.saveRefreshes([
      snapshotRefresh('component:default/checkout', snapshot(), now()),
    ]);
    advance(600_000);
    const restarted = onCallServiceFor({
      providers: [
        fakeProvider(() => {
          throw new Error('boom');
        }),
      ],
      store,
      catalog: catalogServiceMock(),
      now,
      horizonDays: 14,
    });
    const state = await restarted.getEntityOnCall(entity);
    expect(state.status).toBe('error');
    expect(state.status === 'error' && state.lastKnownAt).toBe(
      '2026-11-20T12:00:00.000Z',
    );
    expect(state.status === 'error' && state.lastKnown?.current).toHaveLength(
      1,
    );
  });

  it('reports a provider that never answered with no last known data, still as an error', async () => {
    const { store, catalog, now } = await setup(
      () => new Promise<OnCallSnapshot>(() => {}),
    );
    const hanging = onCallServiceFor({
      store,
      catalog,
      now,
      horizonDays: 14,
      timeoutMs: 50,
      providers: [
        {
          id: 'slow',
          supports: () => true,
          getOnCall: ({ signal }: { signal?: AbortSignal }) =>
            new Promise<OnCallSnapshot>((_resolve, reject) => {
              signal?.addEventListener('abort', () => reject(signal.reason));
            }),
        },
      ],
    });
    await expect(hanging.getEntityOnCall(entity)).resolves.toEqual(
      expect.objectContaining({
        status: 'error',
        message: 'The on-call provider did not answer in time',
        lastKnown: undefined,
      }),
    );
  });

  it('orders upcoming shifts by instant when the provider mixes offsets', async () => {
    // Sorted as strings, which is what a provider comparing ISO timestamps would do: 01:00Z before 09:00+09:00.
    const upcoming = [
      shift('bo', 1, '2026-11-21T01:00:00.000Z', '2026-11-21T09:00:00.000Z'),
      shift('cy', 1, '2026-11-21T09:00:00+09:00', '2026-11-21T01:00:00.000Z'),
      shift('di', 2, '2026-11-21T00:00:00.000Z', '2026-11-21T08:00:00.000Z'),
    ];
    const { service } = await setup(() => snapshot({ upcoming }));
    const state = await service.getEntityOnCall(entity);
    expect(state.status).toBe('ok');
    expect(
      state.status === 'ok' &&
        state.snapshot.upcoming.map(s => [s.person.name, s.escalationLevel]),
    ).toEqual([
      // 09:00+09:00 is 00:00Z: the same instant as di's shift, level 1 first.
      ['cy', 1],
      ['di', 2],
      ['bo', 1],
    ]);
  });

  it('shares a provider call between the refresher and a request under way, stored once', async () => {
    let open = () => {};
    const { service, provider, store } = await setup(async () => {
      await new Promise<void>(resolve => {
        open = resolve;
      });
      return snapshot();
    });
    const budget = new ProviderBudgetTally();

    // A request while the refresher calls the provider: the refresher's answer, which the refresher stores.
    const refreshing = service.fetchForRefresh(entity, budget);
    const request = service.getEntityOnCall(entity, { refresh: true });
    open();
    const fetched = await refreshing;
    await expect(request).resolves.toMatchObject({ status: 'ok' });
    expect(provider.calls).toBe(1);
    expect(await store.listLatestEntityRefsNotIn(new Set())).toEqual([]);
    const [settled] = await service.settleRefreshes([fetched]);
    expect(settled.refresh).toEqual({
      entityRef: 'component:default/checkout',
      at: new Date('2026-11-20T12:00:00.000Z'),
      snapshot: expect.objectContaining({ provider: 'fake' }),
    });

    // The refresher during a request's call: the request's state, which the request stores.
    const requested = service.getEntityOnCall(entity, { refresh: true });
    const shared = service.fetchForRefresh(entity, budget);
    open();
    await requested;
    const [again] = await service.settleRefreshes([await shared]);
    expect(again).toEqual({ state: expect.objectContaining({ status: 'ok' }) });
    expect(provider.calls).toBe(2);
    expect(await store.listLatestEntityRefsNotIn(new Set())).toEqual([
      'component:default/checkout',
    ]);
  });

  it('serves summaries from the materialised state in one query', async () => {
    const { service, store, now } = await setup(() => snapshot());
    await service.getEntityOnCall(entity);
    const summaries = createOnCallSummaries(store, now);
    const result = await summaries.getSummaries([
      'component:default/checkout',
      'component:default/unknown',
    ]);
    expect([...result.keys()]).toEqual(['component:default/checkout']);
    expect(result.get('component:default/checkout')).toEqual({
      entityRef: 'component:default/checkout',
      provider: 'fake',
      peopleInRotation: 2,
      primary: expect.objectContaining({ name: 'Ana Silva' }),
      primaryUntil: '2026-11-21T08:00:00.000Z',
      escalationLevels: 1,
      error: null,
      updatedAt: '2026-11-20T12:00:00.000Z',
    });
  });
});
