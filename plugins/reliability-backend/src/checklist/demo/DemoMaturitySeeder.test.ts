import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Checklist } from '@internal/backstage-plugin-reliability-common';
import { createTestMaturityService } from '../__testUtils__/testMaturityService';
import { exemptionStatusAt } from '../exemptions/exemptionView';
import { DemoMaturitySeeder } from './DemoMaturitySeeder';
import { DEMO_AUTHOR, DemoExemption, DemoMaturityStory } from './demoMaturity';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const item = (id: string, level: string) => ({
  id,
  title: id,
  why: '',
  level,
  category: 'ops',
  weight: 1,
  kind: 'self-assessed' as const,
});

const checklist: Checklist = {
  version: 'demo-1',
  title: 'Demo',
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
  ],
  categories: [{ id: 'ops', title: 'Operations' }],
  items: [
    item('rollback', 'beginner'),
    item('incident-process', 'beginner'),
    item('restore-tested', 'intermediate'),
  ],
};

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/team-a' },
});

const stories: DemoMaturityStory[] = [
  {
    component: 'climber',
    assessments: [
      { daysAgo: 170, level: 'none' },
      { daysAgo: 90, level: 'beginner' },
      { daysAgo: 10, level: 'intermediate' },
    ],
  },
  {
    component: 'lapsed',
    assessments: [{ daysAgo: 100, level: 'intermediate', validDays: 90 }],
  },
  { component: 'not-in-catalog', assessments: [{ daysAgo: 5, level: 'none' }] },
  { component: 'real', assessments: [{ daysAgo: 5, level: 'none' }] },
];

const demoExemptions: DemoExemption[] = [
  {
    component: 'climber',
    itemId: 'restore-tested',
    status: 'pending',
    justification: 'Demo data: pending.',
    requestedDaysAgo: 2,
    days: 60,
  },
  {
    component: 'lapsed',
    itemId: 'restore-tested',
    status: 'approved',
    justification: 'Demo data: approved.',
    requestedDaysAgo: 20,
    days: 90,
  },
  {
    component: 'real',
    itemId: 'rollback',
    status: 'expired',
    justification: 'Demo data: expired.',
    requestedDaysAgo: 75,
    days: 60,
  },
  {
    component: 'climber',
    itemId: 'not-an-item',
    status: 'approved',
    justification: 'Demo data: unknown item.',
    requestedDaysAgo: 1,
    days: 10,
  },
];

async function setup(
  options: {
    automaticDataReady?: () => Promise<boolean>;
    clock?: () => Date;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const now = new Date('2026-12-01T10:00:00Z');
  const clock = options.clock ?? (() => now);
  const { service, exemptions } = await createTestMaturityService(knex, {
    checklist,
    now: clock,
  });
  const seeder = new DemoMaturitySeeder({
    catalog: catalogServiceMock({
      entities: ['climber', 'lapsed', 'real'].map(component),
    }),
    auth: mockServices.auth(),
    service,
    exemptions,
    answerValidityDays: 180,
    logger: mockServices.logger.mock(),
    now: clock,
    stories,
    demoExemptions,
    automaticDataReady: options.automaticDataReady,
  });
  return { service, exemptions, seeder, now };
}

describe('DemoMaturitySeeder', () => {
  it('writes months of assessments whose levels move, and a pending, an approved and an expired exemption, once', async () => {
    const { service, exemptions, seeder, now } = await setup();
    // An entity with a real assessment keeps its own history.
    await service.submitAssessment({
      entityRef: 'component:default/real',
      author: 'user:default/alice',
      request: {
        checklistVersion: checklist.version,
        answers: { rollback: { answer: 'yes' } },
      },
    });

    expect(await seeder.seed()).toEqual({ assessments: 4, exemptions: 3 });

    const climber = await service.getHistory('component:default/climber', 10);
    expect(
      climber.assessments.map(a => [
        a.createdAt.slice(0, 10),
        a.level,
        a.author,
      ]),
    ).toEqual([
      ['2026-06-14', 'none', DEMO_AUTHOR],
      ['2026-09-02', 'beginner', DEMO_AUTHOR],
      ['2026-11-21', 'intermediate', DEMO_AUTHOR],
    ]);
    const real = await service.getHistory('component:default/real', 10);
    expect(real.assessments.map(a => a.author)).toEqual(['user:default/alice']);
    expect(
      (await service.getHistory('component:default/not-in-catalog', 10))
        .assessments,
    ).toEqual([]);

    // Re-evaluated now: the lapsed service's answers expired 10 days ago (its approved exemption does not
    // make up for the beginner items).
    const summaries = await service.getSummaries([
      'component:default/climber',
      'component:default/lapsed',
    ]);
    expect(summaries.get('component:default/climber')?.level).toBe(
      'intermediate',
    );
    expect(
      (await service.getHistory('component:default/lapsed', 10)).assessments[0]
        .level,
    ).toBe('intermediate');
    expect(summaries.get('component:default/lapsed')?.level).toBe('none');

    const all = await exemptions.list('all', now, 10);
    expect(
      all
        .map(e => [
          e.entityRef,
          e.itemId,
          exemptionStatusAt(e, now),
          e.requestedBy,
        ])
        .sort(),
    ).toEqual([
      ['component:default/climber', 'restore-tested', 'pending', DEMO_AUTHOR],
      ['component:default/lapsed', 'restore-tested', 'active', DEMO_AUTHOR],
      ['component:default/real', 'rollback', 'expired', DEMO_AUTHOR],
    ]);
    expect(all.every(e => e.justification.startsWith('Demo data'))).toBe(true);

    // Later runs write nothing.
    expect(await seeder.seed()).toEqual({ assessments: 0, exemptions: 0 });
    expect(
      (await service.getHistory('component:default/climber', 10)).assessments,
    ).toHaveLength(3);
  });

  it("waits for the automatic checks' data, or ten minutes, before writing", async () => {
    let ready = false;
    const waiting = await setup({ automaticDataReady: async () => ready });
    expect(await waiting.seeder.seed()).toEqual({
      assessments: 0,
      exemptions: 0,
    });
    ready = true;
    expect((await waiting.seeder.seed()).assessments).toBe(5);

    let at = new Date('2026-12-01T10:00:00Z');
    const never = await setup({
      automaticDataReady: async () => false,
      clock: () => at,
    });
    expect((await never.seeder.seed()).assessments).toBe(0);
    at = new Date('2026-12-01T10:09:59Z');
    expect((await never.seeder.seed()).assessments).toBe(0);
    at = new Date('2026-12-01T10:10:00Z');
    expect((await never.seeder.seed()).assessments).toBe(5);
  });
});
