import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createTestTrends } from '../__testUtils__/createTestTrends';
import { testChecklist } from '../__testUtils__/trendsFixtures';
import { DemoTrendsSeeder } from './DemoTrendsSeeder';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('DemoTrendsSeeder', () => {
  it('writes months of demo history before today, keeps measured days and takes today’s snapshot once', async () => {
    const trends = await createTestTrends(databases);
    // A measured snapshot of a past day, which the demo must not overwrite.
    await trends.store.replaceDay(
      '2026-11-20',
      {
        maturity: [
          {
            scope: 'team',
            scopeRef: 'group:default/team-a',
            score: 12,
            level: 'none',
            serviceCount: 2,
            scoredCount: 2,
          },
        ],
        slo: [],
      },
      new Date('2026-11-20T02:00:00Z'),
    );
    const refresher = { run: jest.fn(() => trends.refresher.run()) };
    const seeder = new DemoTrendsSeeder({
      service: trends.service,
      checklist: testChecklist,
      auth: mockServices.auth(),
      refresher,
      logger: mockServices.logger.mock(),
      now: () => trends.clock.now,
    });
    await seeder.run();
    await seeder.run();
    expect(refresher.run).toHaveBeenCalledTimes(1);

    const series = await trends.store.getMaturitySeries(
      'team',
      'group:default/team-a',
      '2026-01-01',
      '2026-12-31',
    );
    expect(series).toHaveLength(181);
    expect(series[0]).toMatchObject({ day: '2026-06-04', demo: true });
    expect(series.find(p => p.day === '2026-11-20')).toMatchObject({
      score: 12,
      demo: false,
    });
    expect(series[180]).toMatchObject({
      day: '2026-12-01',
      score: 60,
      demo: false,
    });
    const slo = await trends.store.getSloSeries(
      'org',
      '2026-01-01',
      '2026-11-30',
    );
    // Only the window with measured SLOs gets a history.
    expect(new Set(slo.map(r => r.window))).toEqual(new Set(['28d rolling']));
    expect(slo.every(r => r.demo)).toBe(true);
  });
});

describe('DemoTrendsSeeder before the checklist scored anything', () => {
  it('waits: no refresher run until a service has a score, then seeds once', async () => {
    const trends = await createTestTrends(databases);
    const scored = new Map(trends.evaluations);
    trends.evaluations.clear();
    const refresher = { run: jest.fn(async () => undefined) };
    const seeder = new DemoTrendsSeeder({
      service: trends.service,
      checklist: testChecklist,
      auth: mockServices.auth(),
      refresher,
      logger: mockServices.logger.mock(),
      now: () => trends.clock.now,
    });
    await seeder.run();
    expect(refresher.run).not.toHaveBeenCalled();
    expect(
      await trends.store.getMaturitySeries(
        'org',
        'org',
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual([]);

    for (const [ref, e] of scored) trends.evaluations.set(ref, e);
    await seeder.run();
    await seeder.run();
    expect(refresher.run).toHaveBeenCalledTimes(1);
    expect(
      await trends.store.getMaturitySeries(
        'org',
        'org',
        '2026-01-01',
        '2026-12-31',
      ),
    ).toHaveLength(180);
  });
});
