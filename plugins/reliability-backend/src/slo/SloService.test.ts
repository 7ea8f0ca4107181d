import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  checkoutEntity,
  createTestSloService,
  fakeProvider,
} from './__testUtils__/sloFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-20T12:00:00Z');

async function setup(
  counts: (windowSeconds: number) => { good: number; total: number },
  options: { collectionOverdueAfterMs?: number } = {},
) {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const provider = fakeProvider(counts);
  let now = NOW;
  const harness = createTestSloService({
    db,
    providers: [provider],
    now: () => now,
    ...options,
  });
  return { ...harness, provider, setNow: (d: Date) => (now = d) };
}

describe('SloService', () => {
  it('computes budget, burn rates and a firing page alert on demand, then serves the stored state', async () => {
    // 30-day window: 1,000,000 requests, 500 bad = half the 0.1% budget.
    // Last hour and last 5 minutes: 2% errors = burn rate 20 (>= 14.4): page.
    const { service, provider } = await setup(seconds => {
      if (seconds <= 3600) return { good: 980, total: 1000 };
      if (seconds >= 30 * 86400) return { good: 999_500, total: 1_000_000 };
      return { good: 9995, total: 10_000 };
    });

    const response = await service.getEntitySlos(checkoutEntity());
    expect(response.entityRef).toBe('component:default/checkout');
    expect(response.definitionErrors).toEqual([]);
    expect(response.slos).toHaveLength(1);
    const status = response.slos[0].status!;
    expect(status).toMatchObject({
      target: 0.999,
      good: 999_500,
      total: 1_000_000,
      attainment: 0.9995,
      budgetRemaining: 0.5,
      burnRate: 20,
      alertState: 'page',
      alertsSource: 'definition',
      stale: false,
      error: null,
      dataSource: 'fake',
    });
    expect(status.alerts).toEqual([
      expect.objectContaining({
        name: 'page-fast-burn',
        firing: true,
        longBurnRate: 20,
        shortBurnRate: 20,
      }),
    ]);
    expect(status.burnRates.map(w => w.label)).toEqual([
      '5m',
      '30m',
      '1h',
      '6h',
      '3d',
    ]);
    // 0.5 of a 30-day budget at burn rate 20 lasts 0.75 days.
    expect(status.timeToExhaustionSeconds).toBe(0.75 * 86400);
    expect(status.windowStart).toBe('2026-10-21T12:00:00.000Z');

    const calls = provider.calls;
    await service.getEntitySlos(checkoutEntity());
    expect(provider.calls).toBe(calls);

    const summaries = await service.getSummaries([
      'component:default/checkout',
      'component:default/unknown',
    ]);
    expect([...summaries.keys()]).toEqual(['component:default/checkout']);
    expect(summaries.get('component:default/checkout')).toMatchObject({
      sloCount: 1,
      definitionErrors: 0,
      slosMeetingTarget: 1,
      burnRateAlertsConfigured: true,
      worstBudgetRemaining: 0.5,
      alerting: 'page',
      alertCount: 1,
      alertsWithRunbook: 0,
      stale: false,
    });
  });

  it('says collection is overdue once the stored state was checked longer ago than the cadence allows', async () => {
    const { service, setNow } = await setup(
      () => ({ good: 999, total: 1000 }),
      { collectionOverdueAfterMs: 17 * 60_000 },
    );
    const first = await service.getEntitySlos(checkoutEntity());
    expect(first.collectionOverdue).toBeUndefined();
    setNow(new Date(NOW.getTime() + 17 * 60_000));
    expect(
      (await service.getEntitySlos(checkoutEntity())).collectionOverdue,
    ).toBeUndefined();
    setNow(new Date(NOW.getTime() + 17 * 60_000 + 1));
    const later = await service.getEntitySlos(checkoutEntity());
    expect(later.collectionOverdue).toEqual({
      checkedAt: NOW.toISOString(),
    });
    // The figures are still served: only their age is said.
    expect(later.slos[0].status?.attainment).toBe(0.999);
  });

  it('reports no traffic as unknown, never NaN', async () => {
    const { service } = await setup(() => ({ good: 0, total: 0 }));
    const status = (await service.getEntitySlos(checkoutEntity())).slos[0]
      .status!;
    expect(status).toMatchObject({
      attainment: null,
      budgetRemaining: null,
      burnRate: null,
      alertState: 'unknown',
      timeToExhaustionSeconds: null,
    });
  });

  it('shows a clear state when no provider serves the metric source type', async () => {
    const { service } = await setup(() => ({ good: 1, total: 1 }));
    const yaml = checkoutEntity().metadata.annotations![
      'reliability.sre-portal.dev/slo-inline'
    ].replace(/type: fake/g, 'type: prometheus');
    const response = await service.getEntitySlos(checkoutEntity(yaml));
    expect(response.slos[0].status).toMatchObject({
      attainment: null,
      alertState: 'unknown',
      error: expect.stringContaining(
        "No SLI provider for metric source type 'prometheus'",
      ),
      dataSource: 'prometheus',
    });
  });

  it('returns definition errors next to valid SLOs', async () => {
    const { service } = await setup(() => ({ good: 1, total: 1 }));
    const response = await service.getEntitySlos(
      checkoutEntity('kind: SLO\nmetadata: [not, valid'),
    );
    expect(response.slos).toEqual([]);
    expect(response.definitionErrors.length).toBeGreaterThan(0);
    expect(response.definitionErrors[0].source).toBe('inline');
  });
});
