import { TestDatabases } from '@backstage/backend-test-utils';
import {
  Checklist,
  SubmitAssessmentRequest,
} from '@internal/backstage-plugin-reliability-common';
import { MaturityService } from './MaturityService';
import { createTestMaturityService } from './__testUtils__/testMaturityService';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY = 24 * 60 * 60 * 1000;

const checklist: Checklist = {
  version: 'drops-1',
  title: 'Drops',
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
  ],
  categories: [{ id: 'ops', title: 'Operations' }],
  items: [
    {
      id: 'rollback',
      title: 'Rollback',
      why: '',
      level: 'beginner',
      category: 'ops',
      weight: 1,
      kind: 'self-assessed',
    },
    {
      id: 'restore-tested',
      title: 'Restore tested',
      why: '',
      level: 'intermediate',
      category: 'ops',
      weight: 1,
      kind: 'self-assessed',
    },
  ],
};

/** Alice's assessment of `ref` against {@link checklist}. */
function submit(
  service: MaturityService,
  entityRef: string,
  answers: SubmitAssessmentRequest['answers'],
) {
  return service.submitAssessment({
    entityRef,
    author: 'user:default/alice',
    request: { checklistVersion: checklist.version, answers },
  });
}

describe('MaturityService level drops', () => {
  it('tells the listener when a refresh finds a lower level, with what is in the way', async () => {
    const knex = await databases.init('SQLITE_3');
    let now = new Date('2026-12-01T00:00:00Z');
    const listener = { levelsDropped: jest.fn(async () => {}) };
    const { service } = await createTestMaturityService(knex, {
      checklist,
      listener,
      now: () => now,
    });
    const ref = 'component:default/orders';
    await submit(service, ref, {
      rollback: { answer: 'yes' },
      'restore-tested': { answer: 'yes', expiresAt: '2026-12-10' },
    });
    await service.refresh([ref]);
    expect(listener.levelsDropped).not.toHaveBeenCalled();
    expect((await service.getItemProgress([ref])).get(ref)).toEqual({
      level: 'intermediate',
      passingItems: ['rollback', 'restore-tested'],
    });

    now = new Date(now.getTime() + 15 * DAY);
    await service.refresh([ref]);
    expect(listener.levelsDropped).toHaveBeenCalledTimes(1);
    expect(listener.levelsDropped).toHaveBeenCalledWith([
      {
        entityRef: ref,
        from: 'intermediate',
        to: 'beginner',
        previousEvaluatedAt: '2026-12-01T00:00:00.000Z',
        blocking: ['restore-tested'],
      },
    ]);
    // Staying at the lower level is not a new drop.
    await service.refresh([ref]);
    expect(listener.levelsDropped).toHaveBeenCalledTimes(1);
  });

  it('records with each submission what keeps it from the next level', async () => {
    const knex = await databases.init('SQLITE_3');
    const { service } = await createTestMaturityService(knex, {
      checklist,
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    const ref = 'component:default/orders';
    await submit(service, ref, {
      rollback: { answer: 'yes' },
      'restore-tested': { answer: 'partial' },
    });
    const [assessment] = await service.getNewestAssessments(ref, 1);
    expect(assessment.level).toBe('beginner');
    expect(assessment.blockingNextLevel).toEqual([
      { itemId: 'restore-tested', status: 'partial' },
    ]);
  });
});
