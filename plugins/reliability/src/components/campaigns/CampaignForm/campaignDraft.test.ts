import { testCampaign } from '../testData';
import { draftOf, draftProblems, inputOf, slugOf } from './campaignDraft';

const today = new Date('2026-11-22T12:00:00Z');

describe('campaign drafts', () => {
  it('derives ids from names', () => {
    expect(slugOf('  Tier-1 SLOs: everywhere! ')).toBe(
      'tier-1-slos-everywhere',
    );
  });

  it('starts new campaigns as drafts due in 90 days, and round-trips existing ones', () => {
    const fresh = draftOf(undefined, today, 'beginner');
    expect(fresh).toMatchObject({
      status: 'draft',
      level: 'beginner',
      startDate: '2026-11-22',
      dueDate: '2027-02-20',
    });
    expect(draftProblems(fresh)).toContain('Name the campaign.');

    const campaign = testCampaign({
      scope: {
        tiers: ['tier-1'],
        owners: ['group:default/checkout-payments'],
      },
    });
    const {
      id: _id,
      source: _s,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      ...input
    } = campaign;
    expect(inputOf(draftOf(campaign, today, 'beginner'))).toEqual(input);
  });

  it('turns names in the scope into refs and checks items and dates', () => {
    const draft = {
      ...draftOf(undefined, today, 'beginner'),
      id: 'x',
      name: 'X',
      why: 'Because',
      owners: 'checkout-payments, group:ops/sre',
      systems: 'payments',
      targetKind: 'items' as const,
    };
    expect(inputOf(draft).scope).toEqual({
      owners: ['group:default/checkout-payments', 'group:ops/sre'],
      systems: ['system:default/payments'],
    });
    expect(draftProblems(draft)).toEqual(['Pick at least one checklist item.']);
    expect(
      draftProblems({ ...draft, itemIds: ['rollback'], dueDate: '2026-01-01' }),
    ).toEqual(['The due date must be on or after the start date.']);
  });
});
