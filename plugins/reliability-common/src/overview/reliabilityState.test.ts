import { reliabilityStateOf } from './reliabilityState';

describe('reliabilityStateOf', () => {
  const base = { sloCount: 2, worstBudgetRemaining: 0.8, alerting: null };

  it('is unknown without SLOs or data', () => {
    expect(reliabilityStateOf(undefined)).toBe('unknown');
    expect(reliabilityStateOf({ ...base, sloCount: 0 })).toBe('unknown');
    expect(reliabilityStateOf({ ...base, worstBudgetRemaining: null })).toBe(
      'unknown',
    );
  });

  it('is ok with budget left and no alert', () => {
    expect(reliabilityStateOf(base)).toBe('ok');
  });

  it('is at risk on a ticket alert or a low budget', () => {
    expect(reliabilityStateOf({ ...base, alerting: 'ticket' })).toBe('at-risk');
    expect(reliabilityStateOf({ ...base, worstBudgetRemaining: 0.1 })).toBe(
      'at-risk',
    );
  });

  it('is breaching when paging or out of budget', () => {
    expect(reliabilityStateOf({ ...base, alerting: 'page' })).toBe('breaching');
    expect(reliabilityStateOf({ ...base, worstBudgetRemaining: 0 })).toBe(
      'breaching',
    );
    expect(
      reliabilityStateOf({
        ...base,
        worstBudgetRemaining: null,
        alerting: 'page',
      }),
    ).toBe('breaching');
  });
});
