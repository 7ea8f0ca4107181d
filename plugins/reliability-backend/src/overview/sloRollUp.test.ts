import { rollUpSlos } from './sloRollUp';

describe('rollUpSlos', () => {
  it('takes the lowest budget, the most severe alert and counts every SLO', () => {
    expect(
      rollUpSlos([
        {
          sloCount: 2,
          worstBudgetRemaining: 0.4,
          alerting: 'ticket',
          stale: false,
        },
        undefined,
        { sloCount: 1, worstBudgetRemaining: -3, alerting: null, stale: true },
        {
          sloCount: 1,
          worstBudgetRemaining: null,
          alerting: 'page',
          stale: false,
        },
      ]),
    ).toEqual({
      sloCount: 4,
      worstBudgetRemaining: -3,
      alerting: 'page',
      stale: true,
    });
  });

  it('has nothing to roll up without SLO data', () => {
    expect(rollUpSlos([undefined, null])).toBeUndefined();
    expect(
      rollUpSlos([
        {
          sloCount: 0,
          worstBudgetRemaining: null,
          alerting: null,
          stale: false,
        },
      ]),
    ).toEqual({
      sloCount: 0,
      worstBudgetRemaining: null,
      alerting: null,
      stale: false,
    });
  });
});
