import {
  Checklist,
  scoreChecklist,
} from '@internal/backstage-plugin-reliability-common';
import { maturityOutput } from './maturityOutput';

const checklist: Checklist = {
  version: '1',
  title: 'Test checklist',
  levels: [{ id: 'beginner', title: 'Beginner' }],
  categories: [{ id: 'slos', title: 'SLOs' }],
  items: [
    {
      id: 'has-slos',
      title: 'The service has SLOs',
      why: 'A target.',
      level: 'beginner',
      category: 'slos',
      weight: 3,
      kind: 'automatic',
      check: 'slo-defined',
      fixTemplate: {
        templateRef: 'template:default/adopt-slos',
        title: 'Adopt SLOs for a service',
      },
    },
    {
      id: 'postmortems',
      title: 'Incidents get postmortems',
      why: 'Learning.',
      level: 'beginner',
      category: 'slos',
      weight: 2,
      kind: 'self-assessed',
      fixTemplate: {
        templateRef: 'template:default/write-postmortem',
        title: 'Write a postmortem',
      },
    },
    {
      id: 'dashboards',
      title: 'Dashboards exist',
      why: 'Seeing.',
      level: 'beginner',
      category: 'slos',
      weight: 1,
      kind: 'self-assessed',
    },
  ],
};

describe('maturityOutput', () => {
  it('lists the items to fix first, with the template that fixes each when there is one', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    const automatic = [
      {
        itemId: 'has-slos',
        check: 'slo-defined' as const,
        status: 'fail' as const,
        detail: 'no SLOs',
      },
    ];
    const answer = (value: 'no' | 'partial') => ({
      answer: value,
      expiresAt: '2027-01-01T00:00:00Z',
      answeredAt: '2026-11-01T00:00:00Z',
    });
    const answers = {
      postmortems: answer('no'),
      dashboards: answer('partial'),
    };
    const explanation = scoreChecklist({ checklist, answers, automatic, now });
    const output = maturityOutput(
      {
        entityRef: 'component:default/a',
        checklistVersion: '1',
        explanation,
        automatic,
        answers: {},
        latestAssessment: null,
        outdatedChecklist: false,
      },
      checklist,
    );
    expect(output.level).toBe('none');
    expect(output.nextLevel).toBe('beginner');
    expect(
      output.fixNext.map(i => [i.itemId, i.blocksNextLevel, i.template]),
    ).toEqual([
      [
        'has-slos',
        true,
        {
          templateRef: 'template:default/adopt-slos',
          title: 'Adopt SLOs for a service',
        },
      ],
      [
        'postmortems',
        true,
        {
          templateRef: 'template:default/write-postmortem',
          title: 'Write a postmortem',
        },
      ],
      ['dashboards', true, null],
    ]);
  });
});
