import { TestDatabases } from '@backstage/backend-test-utils';
import { createTestTrends } from './__testUtils__/createTestTrends';
import { evaluation } from './__testUtils__/trendsFixtures';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('TrendsRefresher', () => {
  it('snapshots every scope from the checklist roll-ups and the SLO states', async () => {
    const { refresher, store } = await createTestTrends(databases);
    expect(await refresher.run()).toEqual({
      day: '2026-12-01',
      maturityRows: 4 + 2 + 2 + 2 + 1,
      sloRows: 2 + 1 + 2,
      deletedRows: 0,
    });
    const entities = await store.getMaturityOnDay('entity', '2026-12-01');
    expect(entities.map(r => [r.scopeRef, r.score, r.level])).toEqual([
      ['component:default/cart', 40, 'beginner'],
      ['component:default/legacy', null, 'none'],
      ['component:default/orders', 80, 'intermediate'],
      ['component:default/payments', 30, 'none'],
    ]);
    const teams = await store.getMaturityOnDay('team', '2026-12-01');
    // team-a: (80 + 40) / 2; one service at intermediate, one at beginner: half reached intermediate.
    expect(
      teams.map(r => [r.scopeRef, r.score, r.level, r.serviceCount]),
    ).toEqual([
      ['group:default/team-a', 60, 'intermediate', 2],
      ['group:default/team-b', 30, 'none', 1],
    ]);
    expect(
      (await store.getMaturityOnDay('domain', '2026-12-01')).map(
        r => r.scopeRef,
      ),
    ).toEqual(['domain:default/commerce', 'domain:default/finance']);
    // The org counts the unowned service too; 3 scored of 4; 2 of 4 at beginner or above.
    expect(await store.getMaturityOnDay('org', '2026-12-01')).toEqual([
      expect.objectContaining({
        scopeRef: 'org',
        score: 50,
        level: 'beginner',
        serviceCount: 4,
        scoredCount: 3,
      }),
    ]);
    const teamA = await store.getSloSeries(
      'group:default/team-a',
      '2026-12-01',
      '2026-12-01',
    );
    expect(
      teamA.map(r => [r.window, r.sloCount, r.measuredCount, r.metCount]),
    ).toEqual([
      ['28d rolling', 2, 2, 1],
      ['7d rolling', 1, 0, 0],
    ]);
    const org = await store.getSloSeries('org', '2026-12-01', '2026-12-01');
    expect(
      org.map(r => [r.window, r.sloCount, r.measuredCount, r.metCount]),
    ).toEqual([
      ['28d rolling', 3, 3, 2],
      ['7d rolling', 1, 0, 0],
    ]);
  });

  it('replaces the snapshot when it runs again on the same day', async () => {
    const { refresher, store, evaluations, clock } = await createTestTrends(
      databases,
    );
    await refresher.run();
    evaluations.set(
      'component:default/payments',
      evaluation('component:default/payments', 70, 'beginner'),
    );
    evaluations.delete('component:default/legacy');
    clock.now = new Date('2026-12-01T20:00:00Z');
    await refresher.run();
    const entities = await store.getMaturityOnDay('entity', '2026-12-01');
    expect(entities.map(r => [r.scopeRef, r.score])).toEqual([
      ['component:default/cart', 40],
      ['component:default/orders', 80],
      ['component:default/payments', 70],
    ]);
    expect(
      (await store.getMaturityOnDay('team', '2026-12-01')).find(
        r => r.scopeRef === 'group:default/team-b',
      )?.score,
    ).toBe(70);
  });

  it('keeps a team out of the SLO counts when its SLOs cannot be read, and still snapshots the rest', async () => {
    const { refresher, store, slos } = await createTestTrends(databases);
    delete slos['component:default/payments'];
    await refresher.run();
    expect(
      await store.getSloSeries(
        'group:default/team-b',
        '2026-12-01',
        '2026-12-01',
      ),
    ).toEqual([]);
    expect(
      (
        await store.getSloSeries(
          'group:default/team-a',
          '2026-12-01',
          '2026-12-01',
        )
      ).length,
    ).toBe(2);
  });

  it('deletes snapshots older than the retention', async () => {
    const { refresher, store } = await createTestTrends(databases);
    await store.replaceDay(
      '2025-10-26',
      {
        maturity: [
          {
            scope: 'org',
            scopeRef: 'org',
            score: 1,
            level: 'none',
            serviceCount: 1,
            scoredCount: 1,
          },
        ],
        slo: [],
      },
      new Date('2025-10-26T02:00:00Z'),
    );
    await store.replaceDay(
      '2025-10-27',
      {
        maturity: [
          {
            scope: 'org',
            scopeRef: 'org',
            score: 2,
            level: 'none',
            serviceCount: 1,
            scoredCount: 1,
          },
        ],
        slo: [],
      },
      new Date('2025-10-27T02:00:00Z'),
    );
    // 400 days before 2026-12-01 is 2025-10-27: that day is kept, the one before is deleted.
    expect((await refresher.run()).deletedRows).toBe(1);
    expect(
      (
        await store.getMaturitySeries('org', 'org', '2025-01-01', '2026-12-31')
      ).map(r => r.day),
    ).toEqual(['2025-10-27', '2026-12-01']);
  });
});
