import { itemsToFix } from './itemsToFix';
import { scoreChecklist } from './scoring';
import { NO_LEVEL } from './types';
import { AutomaticResult, Checklist, StoredAnswer } from './types';

const now = new Date('2026-11-22T12:00:00Z');

const checklist: Checklist = {
  version: 'test-1',
  title: 'Test',
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
    { id: 'advanced', title: 'Advanced' },
  ],
  categories: [
    { id: 'slo', title: 'SLOs' },
    { id: 'ops', title: 'Operations' },
  ],
  items: [
    {
      id: 'slo-defined',
      title: 'SLO defined',
      why: '',
      level: 'beginner',
      category: 'slo',
      weight: 3,
      kind: 'automatic',
      check: 'slo-defined',
      productionReadiness: true,
    },
    {
      id: 'runbooks',
      title: 'Runbooks',
      why: '',
      level: 'beginner',
      category: 'ops',
      weight: 2,
      kind: 'self-assessed',
      productionReadiness: true,
    },
    {
      id: 'toil',
      title: 'Toil below half',
      why: '',
      level: 'intermediate',
      category: 'ops',
      weight: 4,
      kind: 'self-assessed',
    },
    {
      id: 'burn-alerts',
      title: 'Burn-rate alerts',
      why: '',
      level: 'advanced',
      category: 'slo',
      weight: 1,
      kind: 'self-assessed',
    },
  ],
};

function answer(
  value: StoredAnswer['answer'],
  expiresAt = '2027-05-01T00:00:00Z',
): StoredAnswer {
  return { answer: value, expiresAt, answeredAt: '2026-11-01T00:00:00Z' };
}

const pass: AutomaticResult = {
  itemId: 'slo-defined',
  check: 'slo-defined',
  status: 'pass',
  detail: '2 SLOs defined',
};

describe('scoreChecklist', () => {
  it('weights yes, partial and no, and reaches the highest fully passing level', () => {
    const result = scoreChecklist({
      checklist,
      answers: {
        runbooks: answer('yes'),
        toil: answer('partial'),
        'burn-alerts': answer('no'),
      },
      automatic: [pass],
      now,
    });
    // (3 + 2 + 4*0.5 + 0) / (3 + 2 + 4 + 1)
    expect(result.earnedWeight).toBe(7);
    expect(result.possibleWeight).toBe(10);
    expect(result.score).toBe(70);
    expect(result.level).toBe('beginner');
    expect(result.nextLevel).toBe('intermediate');
    expect(result.blockingNextLevel).toEqual(['toil']);
    expect(result.productionReadiness).toEqual({ ready: true, blocking: [] });
    expect(result.categories).toEqual([
      {
        category: 'slo',
        title: 'SLOs',
        score: 75,
        earnedWeight: 3,
        possibleWeight: 4,
        notApplicable: 0,
        exempt: 0,
      },
      {
        category: 'ops',
        title: 'Operations',
        score: 66.7,
        earnedWeight: 4,
        possibleWeight: 6,
        notApplicable: 0,
        exempt: 0,
      },
    ]);
    const toil = result.items.find(i => i.itemId === 'toil')!;
    expect(toil).toMatchObject({ status: 'partial', credit: 0.5, earned: 2 });
    expect(toil.passes).toBe(false);
  });

  it('leaves everything out of the denominator when all items are not applicable', () => {
    const result = scoreChecklist({
      checklist: {
        ...checklist,
        items: checklist.items
          .filter(i => i.kind === 'self-assessed')
          .map(i => ({ ...i, allowNotApplicable: true })),
      },
      answers: {
        runbooks: answer('not-applicable'),
        toil: answer('not-applicable'),
        'burn-alerts': answer('not-applicable'),
      },
      automatic: {},
      now,
    });
    expect(result.score).toBeNull();
    expect(result.possibleWeight).toBe(0);
    expect(result.level).toBe('advanced');
    expect(result.nextLevel).toBeNull();
    expect(result.excluded).toEqual(['runbooks', 'toil', 'burn-alerts']);
    expect(result.categories.every(c => c.score === null)).toBe(true);
  });

  it('lists allowed not-applicable answers apart, with their justification and per-category counts', () => {
    const result = scoreChecklist({
      checklist: {
        ...checklist,
        items: checklist.items.map(i =>
          i.id === 'toil' ? { ...i, allowNotApplicable: true } : i,
        ),
      },
      answers: {
        runbooks: answer('yes'),
        toil: {
          ...answer('not-applicable'),
          note: 'No manual operations: fully managed service',
        },
        'burn-alerts': answer('no'),
      },
      automatic: [pass],
      now,
    });
    expect(result.notApplicable).toEqual(['toil']);
    expect(result.excluded).toEqual(['toil']);
    const toil = result.items.find(i => i.itemId === 'toil')!;
    expect(toil).toMatchObject({
      status: 'not-applicable',
      credit: null,
      passes: true,
    });
    expect(toil.reason).toContain(
      'No manual operations: fully managed service',
    );
    expect(result.categories.map(c => [c.category, c.notApplicable])).toEqual([
      ['slo', 0],
      ['ops', 1],
    ]);
    expect(result.level).toBe('intermediate');
  });

  it('counts a not-applicable answer as no on an item that does not allow it', () => {
    const result = scoreChecklist({
      checklist,
      answers: {
        runbooks: { ...answer('not-applicable'), note: 'We do not need them' },
        toil: answer('yes'),
        'burn-alerts': answer('yes'),
      },
      automatic: [pass],
      now,
    });
    const runbooks = result.items.find(i => i.itemId === 'runbooks')!;
    expect(runbooks).toMatchObject({
      status: 'no',
      credit: 0,
      earned: 0,
      passes: false,
    });
    expect(runbooks.reason).toContain('does not allow');
    expect(result.notApplicable).toEqual([]);
    expect(result.excluded).toEqual([]);
    expect(result.score).toBe(80); // (3 + 0 + 4 + 1) / 10
    expect(result.level).toBe(NO_LEVEL);
    expect(result.blockingNextLevel).toEqual(['runbooks']);
    expect(result.productionReadiness.blocking).toEqual(['runbooks']);
  });

  it('counts expired answers as no, even expired not-applicable ones', () => {
    const result = scoreChecklist({
      checklist,
      answers: {
        runbooks: answer('yes', '2026-11-22T12:00:00Z'),
        toil: answer('not-applicable', '2026-01-01T00:00:00Z'),
        'burn-alerts': answer('yes'),
      },
      automatic: [pass],
      now,
    });
    const runbooks = result.items.find(i => i.itemId === 'runbooks')!;
    expect(runbooks.status).toBe('expired');
    expect(runbooks.credit).toBe(0);
    expect(runbooks.reason).toContain('expired on 2026-11-22');
    expect(result.items.find(i => i.itemId === 'toil')!.status).toBe('expired');
    expect(result.score).toBe(40); // (3 + 0 + 0 + 1) / 10
    expect(result.level).toBe(NO_LEVEL);
    expect(result.nextLevel).toBe('beginner');
    expect(result.blockingNextLevel).toEqual(['runbooks']);
    expect(result.productionReadiness).toEqual({
      ready: false,
      blocking: ['runbooks'],
    });
  });

  it('excludes automatic items without data from the score but lets them block their level', () => {
    const result = scoreChecklist({
      checklist,
      answers: { runbooks: answer('yes') },
      automatic: [
        {
          itemId: 'slo-defined',
          check: 'slo-defined',
          status: 'unknown',
          detail: 'the SLO feature is not installed',
        },
      ],
      now,
    });
    const slo = result.items.find(i => i.itemId === 'slo-defined')!;
    expect(slo.status).toBe('unknown');
    expect(slo.credit).toBeNull();
    expect(slo.reason).toContain('the SLO feature is not installed');
    expect(result.excluded).toEqual(['slo-defined']);
    expect(result.possibleWeight).toBe(7);
    expect(result.score).toBe(28.6);
    expect(result.level).toBe(NO_LEVEL);
    expect(result.blockingNextLevel).toEqual(['slo-defined']);
  });

  it('treats an automatic item without any result as unknown', () => {
    const result = scoreChecklist({
      checklist,
      answers: {},
      automatic: {},
      now,
    });
    expect(result.items[0].status).toBe('unknown');
    expect(result.items[1].status).toBe('unanswered');
    expect(result.score).toBe(0);
  });

  it('does not skip a failing level even when higher levels pass (levels are cumulative)', () => {
    const result = scoreChecklist({
      checklist,
      answers: {
        runbooks: answer('no'),
        toil: answer('yes'),
        'burn-alerts': answer('yes'),
      },
      automatic: [pass],
      now,
    });
    expect(result.level).toBe(NO_LEVEL);
    expect(result.nextLevel).toBe('beginner');
  });

  it('lets a level without items pass trivially (level gap)', () => {
    const result = scoreChecklist({
      checklist: {
        ...checklist,
        items: checklist.items.filter(i => i.level !== 'intermediate'),
      },
      answers: { runbooks: answer('yes'), 'burn-alerts': answer('partial') },
      automatic: [pass],
      now,
    });
    expect(result.level).toBe('intermediate');
    expect(result.nextLevel).toBe('advanced');
    expect(result.blockingNextLevel).toEqual(['burn-alerts']);
  });

  it('ignores answers to automatic items and inherited object keys', () => {
    const answers = Object.create({ toil: answer('yes') });
    answers['slo-defined'] = answer('yes');
    const result = scoreChecklist({
      checklist,
      answers,
      automatic: [{ ...pass, status: 'fail', detail: 'no SLO' }],
      now,
    });
    expect(result.items[0]).toMatchObject({ status: 'fail', earned: 0 });
    expect(result.items[2].status).toBe('unanswered');
  });

  it('counts an exempt item neither as passed nor as failed until its expiry, then as it otherwise would', () => {
    const input = {
      checklist,
      answers: { runbooks: answer('yes'), 'burn-alerts': answer('yes') },
      automatic: [pass],
      exemptions: {
        toil: {
          expiresAt: '2027-01-31T23:59:59.999Z',
          grantedBy: 'user:default/sre-lead',
        },
      },
    };
    const exempt = scoreChecklist({ ...input, now });
    const toil = exempt.items.find(i => i.itemId === 'toil')!;
    expect(toil).toMatchObject({
      status: 'exempt',
      credit: null,
      earned: 0,
      passes: true,
      exemption: {
        expiresAt: '2027-01-31T23:59:59.999Z',
        grantedBy: 'user:default/sre-lead',
      },
    });
    expect(toil.reason).toContain('Exempt until 2027-01-31');
    expect(toil.reason).toContain('user:default/sre-lead');
    expect(exempt.exempt).toEqual(['toil']);
    expect(exempt.excluded).toEqual(['toil']);
    expect(exempt.notApplicable).toEqual([]);
    // (3 + 2 + 1) / (3 + 2 + 1): the exempt item's weight 4 is left out.
    expect(exempt.possibleWeight).toBe(6);
    expect(exempt.score).toBe(100);
    expect(exempt.level).toBe('advanced');
    expect(exempt.categories.map(c => [c.category, c.exempt])).toEqual([
      ['slo', 0],
      ['ops', 1],
    ]);

    const expired = scoreChecklist({
      ...input,
      now: new Date('2027-02-01T00:00:00Z'),
    });
    expect(expired.items.find(i => i.itemId === 'toil')).toMatchObject({
      status: 'unanswered',
      credit: 0,
      passes: false,
    });
    expect(expired.exempt).toEqual([]);
    expect(expired.possibleWeight).toBe(10);
    expect(expired.level).toBe('beginner');
    expect(expired.blockingNextLevel).toEqual(['toil']);
  });

  it('exempts automatic items too and ignores exemptions with an unreadable expiry', () => {
    const result = scoreChecklist({
      checklist,
      answers: { runbooks: answer('yes') },
      automatic: [{ ...pass, status: 'fail', detail: 'no SLO' }],
      exemptions: {
        'slo-defined': { expiresAt: '2027-01-01T00:00:00Z', grantedBy: 'a' },
        runbooks: { expiresAt: 'soon', grantedBy: 'a' },
      },
      now,
    });
    expect(result.items[0]).toMatchObject({ status: 'exempt', passes: true });
    expect(result.items[1].status).toBe('yes');
    expect(result.productionReadiness).toEqual({ ready: true, blocking: [] });
  });

  it('treats an unreadable expiry as expired', () => {
    const result = scoreChecklist({
      checklist,
      answers: { runbooks: answer('yes', 'not a date') },
      automatic: [pass],
      now,
    });
    expect(result.items[1].status).toBe('expired');
  });
});

describe('itemsToFix', () => {
  it('puts the blockers of the next level first, then the largest losses', () => {
    const explanation = scoreChecklist({
      checklist,
      answers: { runbooks: answer('yes'), 'burn-alerts': answer('no') },
      automatic: [pass],
      now,
    });
    expect(itemsToFix(explanation, 5).map(i => i.itemId)).toEqual([
      'toil',
      'burn-alerts',
    ]);
    expect(itemsToFix(explanation, 1)).toHaveLength(1);
  });
});
