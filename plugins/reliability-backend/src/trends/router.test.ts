import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import {
  createTestTrends,
  testEntities,
} from './__testUtils__/createTestTrends';
import { evaluation } from './__testUtils__/trendsFixtures';
import { createTrendsRouter } from './router';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(options: Parameters<typeof createTestTrends>[1] = {}) {
  const trends = await createTestTrends(databases, options);
  const app = express()
    .use(
      createTrendsRouter({
        httpAuth: mockServices.httpAuth(),
        catalog: trends.catalog,
        service: trends.service,
      }),
    )
    .use(mockErrorHandler());
  return { ...trends, app };
}

/** Snapshots on 2026-09-01 (about 90 days back) and 2026-12-01 with scores raised in between. */
async function twoSnapshots(trends: Awaited<ReturnType<typeof setup>>) {
  trends.clock.now = new Date('2026-09-02T02:00:00Z');
  await trends.refresher.run();
  trends.evaluations.set(
    'component:default/payments',
    evaluation('component:default/payments', 75, 'beginner'),
  );
  trends.clock.now = new Date('2026-12-01T02:00:00Z');
  await trends.refresher.run();
}

describe('trends router', () => {
  it('serves the series of the org with its SLO attainment and the next snapshot time', async () => {
    const trends = await setup();
    await twoSnapshots(trends);
    trends.clock.now = new Date('2026-12-01T10:00:00Z');
    const res = await request(trends.app).get('/trends?scope=org&days=30');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scope: 'org',
      ref: 'org',
      from: '2026-11-02',
      to: '2026-12-01',
      maturity: [
        { day: '2026-12-01', score: 65, serviceCount: 4, demo: false },
      ],
      slo: [
        {
          window: '28d rolling',
          points: [{ day: '2026-12-01', metCount: 2, measuredCount: 3 }],
        },
        { window: '7d rolling', points: [{ share: null }] },
      ],
    });
    expect(res.body.slo[0].points[0].share).toBeCloseTo(2 / 3);
    expect(Date.parse(res.body.nextSnapshotAt)).toBeGreaterThan(
      trends.clock.now.getTime(),
    );
    const all = await request(trends.app).get('/trends?scope=org&days=120');
    expect(all.body.maturity.map((p: { day: string }) => p.day)).toEqual([
      '2026-09-02',
      '2026-12-01',
    ]);
  });

  it('serves a team, normalising its ref, and an entity without SLO series', async () => {
    const trends = await setup();
    await twoSnapshots(trends);
    const team = await request(trends.app).get(
      `/trends?scope=team&ref=${encodeURIComponent('Group:Team-B')}&days=120`,
    );
    expect(team.status).toBe(200);
    expect(team.body.ref).toBe('group:default/team-b');
    expect(team.body.maturity.map((p: { score: number }) => p.score)).toEqual([
      30, 75,
    ]);
    expect(team.body.slo).toHaveLength(1);
    const entity = await request(trends.app).get(
      '/trends?scope=entity&ref=component:default/orders',
    );
    expect(entity.status).toBe(200);
    expect(entity.body.maturity).toEqual([
      expect.objectContaining({
        day: '2026-12-01',
        score: 80,
        level: 'intermediate',
      }),
    ]);
    expect(entity.body.slo).toEqual([]);
  });

  it.each([
    ['/trends', /scope/],
    ['/trends?scope=galaxy', /scope/],
    ['/trends?scope=team', /ref: is required for the team scope/],
    [
      '/trends?scope=team&ref=system:default/shop',
      /must be a group or user ref/,
    ],
    ['/trends?scope=system&ref=not a ref', /ref: must be an entity ref/],
    ['/trends?scope=org&ref=group:default/team-a', /must be left out/],
    ['/trends?scope=org&days=0', /days/],
    ['/trends?scope=org&days=1001', /days/],
    ['/trends?scope=org&days=ten', /days/],
    ['/trends?scope=org&scope=team', /scope/],
    ['/trends?scope=org&extra=1', /extra|Unrecognized/i],
    ['/trends/leaderboard?limit=0', /limit/],
    ['/trends/leaderboard?limit=x', /limit/],
    ['/trends/leaderboard?order=asc', /order|Unrecognized/i],
  ])('answers %s with a 400 naming the problem', async (path, message) => {
    const { app } = await setup();
    const res = await request(app).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for a scope the caller cannot see in the catalog', async () => {
    const { app } = await setup();
    const res = await request(app).get(
      '/trends?scope=system&ref=system:default/nowhere',
    );
    expect(res.status).toBe(404);
  });

  it('requires credentials', async () => {
    const trends = await createTestTrends(databases);
    const app = express()
      .use(
        createTrendsRouter({
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.none(),
          }),
          catalog: trends.catalog,
          service: trends.service,
        }),
      )
      .use(mockErrorHandler());
    expect((await request(app).get('/trends?scope=org')).status).toBe(401);
    expect((await request(app).get('/trends/leaderboard')).status).toBe(401);
  });

  it('ranks teams by score and by improvement over the last 90 days', async () => {
    const trends = await setup();
    const empty = await request(trends.app).get('/trends/leaderboard');
    expect(empty.body).toMatchObject({
      day: null,
      improvementDays: 90,
      byScore: [],
      byImprovement: [],
    });
    await twoSnapshots(trends);
    const res = await request(trends.app).get('/trends/leaderboard');
    expect(res.status).toBe(200);
    expect(res.body.day).toBe('2026-12-01');
    expect(
      res.body.byScore.map((e: { teamRef: string; score: number }) => [
        e.teamRef,
        e.score,
      ]),
    ).toEqual([
      ['group:default/team-b', 75],
      ['group:default/team-a', 60],
    ]);
    expect(res.body.byImprovement).toEqual([
      expect.objectContaining({
        teamRef: 'group:default/team-b',
        baselineDay: '2026-09-02',
        baselineScore: 30,
        improvement: 45,
      }),
      expect.objectContaining({
        teamRef: 'group:default/team-a',
        improvement: 0,
      }),
    ]);
    const one = await request(trends.app).get('/trends/leaderboard?limit=1');
    expect(one.body.byScore).toHaveLength(1);
  });

  it('leaves out teams the caller cannot see in the catalog', async () => {
    const trends = await setup({
      entities: testEntities.filter(e => e.metadata.name !== 'team-b'),
    });
    await twoSnapshots(trends);
    const res = await request(trends.app).get('/trends/leaderboard');
    expect(res.body.byScore.map((e: { teamRef: string }) => e.teamRef)).toEqual(
      ['group:default/team-a'],
    );
  });
});
