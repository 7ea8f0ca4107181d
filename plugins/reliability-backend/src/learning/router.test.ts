import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  MyLearningPathsResponse,
  reliabilityLearningProgressPermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import request from 'supertest';
import { migrateDatabase } from '../database/migrateDatabase';
import { EntityDocumentReader } from '../shared/entityDocuments';
import {
  fixedRunbookIndex,
  learningPathUrl,
  learningPathYaml,
  learningUrlReader,
  runbookEntry,
  teamGroup,
  teamUser,
} from './__testUtils__/learningFixtures';
import { LearningRefresher } from './LearningRefresher';
import { LearningService } from './LearningService';
import { LearningPathReader } from './paths/LearningPathReader';
import { createLearningRouter } from './router';
import { KnexLearningStore } from './store/KnexLearningStore';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ana = mockCredentials.user.header('user:default/ana');
const bo = mockCredentials.user.header('user:default/bo');
const outsider = mockCredentials.user.header('user:default/zoe');
const DAY_MS = 24 * 3600_000;

async function setup(
  options: {
    decision?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    files?: Record<string, string>;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const clock = { now: new Date('2026-12-01T09:00:00Z') };
  let reads = 0;
  const catalog = catalogServiceMock({
    entities: [
      teamGroup('checkout'),
      teamGroup('web'),
      teamGroup('broken'),
      teamGroup('plain', false),
      teamUser('ana', ['checkout', 'broken', 'plain']),
      teamUser('bo', ['web', 'checkout']),
      teamUser('zoe', []),
    ],
  });
  const urlReader = learningUrlReader(
    options.files ?? {
      [learningPathUrl('checkout')]: learningPathYaml(),
      [learningPathUrl('web')]: learningPathYaml({ shareProgress: true }),
      [learningPathUrl('broken')]: 'apiVersion: nope\nkind: LearningPath\n',
    },
  );
  const store = new KnexLearningStore({ knex });
  const service = new LearningService({
    catalog,
    userInfo: mockServices.userInfo(),
    reader: new LearningPathReader({
      documents: new EntityDocumentReader({ urlReader }),
      // Past the cache's minute on every read, so tests can change files.
      now: () => new Date(clock.now.getTime() + (reads += 1) * 61_000),
    }),
    store,
    runbookIndex: fixedRunbookIndex({
      'component:default/checkout-api': [
        runbookEntry(
          'rollback-checkout',
          'Roll back a checkout release',
          'rollback',
        ),
        runbookEntry('checkout-slow', 'Checkout is slow'),
      ],
    }),
    now: () => clock.now,
  });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: options.decision ?? AuthorizeResult.ALLOW },
  ]);
  const router = createLearningRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    service,
  });
  const app = express().use(express.json()).use(router).use(mockErrorHandler());
  return { app, clock, knex, service, permissions, catalog, store };
}

async function pathsOf(app: express.Express, user: string) {
  const res = await request(app)
    .get('/learning/paths')
    .set('Authorization', user);
  expect(res.status).toBe(200);
  return res.body as MyLearningPathsResponse;
}

describe('learning router', () => {
  it("lists the paths of the user's groups with titles from the runbook index and the problems of bad files", async () => {
    const { app } = await setup();
    const body = await pathsOf(app, ana);
    expect(body.userEntityRef).toBe('user:default/ana');
    expect(body.groupRefs).toEqual([
      'group:default/broken',
      'group:default/checkout',
      'group:default/plain',
    ]);
    expect(
      body.paths.map(p => [p.groupRef, p.title, p.doneCount, p.demo]),
    ).toEqual([['group:default/checkout', 'Checkout onboarding', 0, true]]);
    const items = body.paths[0].items;
    expect(items.map(i => [i.id, i.title, i.problem])).toEqual([
      ['read-rollback', 'Roll back a checkout release', null],
      ['walk-pay', "Walk the journey 'shopper-pays' of shop", null],
      [
        'review-cdn',
        "Review the postmortem 'postmortem-eu-cdn-outage' of checkout-api",
        "'postmortem-eu-cdn-outage' is not in the runbook index of component:default/checkout-api",
      ],
      ['shadow', 'Shadow an on-call shift of checkout', null],
      ['slo-basics', 'SLO basics', null],
    ]);
    expect(body.problems).toEqual([
      {
        groupRef: 'group:default/broken',
        source: learningPathUrl('broken'),
        message: expect.stringMatching(
          /^invalid learning path file: apiVersion: /,
        ),
      },
    ]);
  });

  it('ticks items off and back for the signed-in user only', async () => {
    const { app, clock } = await setup();
    const put = await request(app)
      .put('/learning/progress')
      .set('Authorization', ana)
      .send({
        group: 'group:default/checkout',
        itemId: 'walk-pay',
        done: true,
      });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      group: 'group:default/checkout',
      itemId: 'walk-pay',
      doneAt: clock.now.toISOString(),
    });
    const mine = (await pathsOf(app, ana)).paths[0];
    expect(mine.doneCount).toBe(1);
    expect(mine.items.find(i => i.id === 'walk-pay')?.doneAt).toBe(
      clock.now.toISOString(),
    );
    // Bo is in the same team and sees none of Ana's progress.
    const bos = (await pathsOf(app, bo)).paths.find(
      p => p.groupRef === 'group:default/checkout',
    );
    expect(bos?.doneCount).toBe(0);

    const del = await request(app)
      .put('/learning/progress')
      .set('Authorization', ana)
      .send({ group: 'checkout', itemId: 'walk-pay', done: false });
    expect(del.status).toBe(200);
    expect(del.body.doneAt).toBeNull();
    expect((await pathsOf(app, ana)).paths[0].doneCount).toBe(0);
  });

  it('refuses items of other teams, unknown items, bad bodies, denied callers and anonymous calls', async () => {
    const { app, knex } = await setup();
    const send = (user: string, body: object) =>
      request(app)
        .put('/learning/progress')
        .set('Authorization', user)
        .send({ done: true, ...body });
    expect(
      (
        await send(outsider, {
          group: 'group:default/checkout',
          itemId: 'walk-pay',
        })
      ).status,
    ).toBe(404);
    expect(
      (await send(ana, { group: 'group:default/web', itemId: 'walk-pay' }))
        .status,
    ).toBe(404);
    expect(
      (await send(ana, { group: 'group:default/checkout', itemId: 'nope' }))
        .status,
    ).toBe(404);
    expect(
      (await send(ana, { group: 'group:default/broken', itemId: 'walk-pay' }))
        .status,
    ).toBe(404);
    expect(
      (await send(ana, { group: 'component:default/x', itemId: 'walk-pay' }))
        .status,
    ).toBe(400);
    expect(
      (await send(ana, { group: 'group:default/checkout', itemId: 'Walk Pay' }))
        .status,
    ).toBe(400);
    expect(
      (
        await send(ana, {
          group: 'group:default/checkout',
          itemId: 'walk-pay',
          user: 'user:default/bo',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await send(ana, {
          group: 'group:default/checkout',
          itemId: 'walk-pay',
          done: 'yes',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .put('/learning/progress')
          .send({ group: 'checkout', itemId: 'walk-pay', done: true })
      ).status,
    ).toBe(401);
    expect((await request(app).get('/learning/paths')).status).toBe(401);
    expect(
      (
        await request(app)
          .get('/learning/paths')
          .set('Authorization', mockCredentials.service.header())
      ).status,
    ).toBe(403);
    expect(await knex('learning_progress').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);

    const denied = await setup({ decision: AuthorizeResult.DENY });
    const res = await request(denied.app)
      .put('/learning/progress')
      .set('Authorization', ana)
      .send({
        group: 'group:default/checkout',
        itemId: 'walk-pay',
        done: true,
      });
    expect(res.status).toBe(403);
    expect(denied.permissions.authorize).toHaveBeenCalledWith(
      [{ permission: reliabilityLearningProgressPermission }],
      expect.anything(),
    );
    expect(await denied.knex('learning_progress').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
  });

  it("gives a team's aggregated progress only when the team opted in", async () => {
    const { app } = await setup();
    for (const [user, itemId] of [
      [bo, 'walk-pay'],
      [bo, 'read-rollback'],
      [ana, 'walk-pay'],
    ]) {
      const group =
        user === bo ? 'group:default/web' : 'group:default/checkout';
      expect(
        (
          await request(app)
            .put('/learning/progress')
            .set('Authorization', user)
            .send({ group, itemId, done: true })
        ).status,
      ).toBe(200);
    }
    const shared = await request(app)
      .get('/learning/teams/default/web')
      .set('Authorization', outsider);
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({
      shared: true,
      demo: true,
      memberCount: 1,
      completedBy: 0,
    });
    expect(
      shared.body.items.map((i: { id: string; doneBy: number }) => [
        i.id,
        i.doneBy,
      ]),
    ).toEqual([
      ['read-rollback', 1],
      ['walk-pay', 1],
      ['review-cdn', 0],
      ['shadow', 0],
      ['slo-basics', 0],
    ]);

    const closed = await request(app)
      .get('/learning/teams/default/checkout')
      .set('Authorization', outsider);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      shared: false,
      demo: true,
      memberCount: 0,
      items: [],
    });
    expect(closed.body.explanation).toMatch(/private.*shareProgress: true/);
    const none = await request(app)
      .get('/learning/teams/default/plain')
      .set('Authorization', ana);
    expect(none.body.explanation).toMatch(/no learning path/);
    expect(none.body.demo).toBe(false);
    expect(
      (
        await request(app)
          .get('/learning/teams/default/ghosts')
          .set('Authorization', ana)
      ).status,
    ).toBe(404);
    expect((await request(app).get('/learning/teams/default/web')).status).toBe(
      401,
    );
  });

  it('retention deletes aged progress of removed items and gone users, and nothing when a file breaks', async () => {
    const files: Record<string, string> = {
      [learningPathUrl('checkout')]: learningPathYaml({ extraItem: true }),
      [learningPathUrl('web')]: learningPathYaml(),
    };
    const { app, clock, knex, service, catalog } = await setup({ files });
    const tick = async (user: string, group: string, itemId: string) =>
      expect(
        (
          await request(app)
            .put('/learning/progress')
            .set('Authorization', user)
            .send({ group, itemId, done: true })
        ).status,
      ).toBe(200);
    await tick(ana, 'checkout', 'extra');
    await tick(ana, 'checkout', 'walk-pay');
    await tick(bo, 'web', 'walk-pay');
    const refresher = new LearningRefresher({
      service,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      retentionDays: 30,
    });
    const rows = async () =>
      (
        await knex('learning_progress')
          .orderBy(['user_ref', 'item_id'])
          .select('user_ref', 'item_id')
      ).map(
        (r: { user_ref: string; item_id: string }) =>
          `${r.user_ref} ${r.item_id}`,
      );

    // `extra` leaves the path of checkout, the file of web breaks (which alone deletes nothing).
    files[learningPathUrl('checkout')] = learningPathYaml();
    files[learningPathUrl('web')] = 'not: a path';
    clock.now = new Date(clock.now.getTime() + 40 * DAY_MS);
    expect(await refresher.run()).toEqual({ deletedProgress: 1 });
    expect(await rows()).toEqual([
      'user:default/ana walk-pay',
      'user:default/bo walk-pay',
    ]);

    // Bo leaves the catalog: his progress goes once it is older than the retention.
    await catalog.removeEntityByUid('uid-bo');
    await tick(ana, 'checkout', 'shadow');
    expect(await refresher.run()).toEqual({ deletedProgress: 1 });
    expect(await rows()).toEqual([
      'user:default/ana shadow',
      'user:default/ana walk-pay',
    ]);
    // Young progress stays whatever happens to the path.
    files[learningPathUrl('checkout')] = learningPathYaml().replace(
      'id: shadow',
      'id: shadow-2',
    );
    expect(await refresher.run()).toEqual({ deletedProgress: 0 });
  });
});
