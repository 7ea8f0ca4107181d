import { SloAlertState } from '../slo/api';
import { DEFAULT_ERROR_BUDGET_POLICY } from './defaultPolicy';
import { evaluateSloPolicy } from './evaluatePolicy';
import { keepPolicyState, PreviousPolicyState } from './keepPolicyState';
import { ErrorBudgetPolicy } from './types';

/** The built-in policy with `halted` kept 30 minutes after its page-severity burn stops. */
const POLICY: ErrorBudgetPolicy = {
  ...DEFAULT_ERROR_BUDGET_POLICY,
  rules: DEFAULT_ERROR_BUDGET_POLICY.rules.map(rule =>
    rule.state === 'halted' ? { ...rule, keepForMinutes: 30 } : rule,
  ),
};
const HALTED_AT = new Date('2026-12-01T10:00:00Z');
const HALTED: PreviousPolicyState = {
  policyName: 'default',
  state: 'halted',
  ruleIndex: 0,
  conditionHeldAt: HALTED_AT,
};

function minutesAfterHalt(minutes: number): Date {
  return new Date(HALTED_AT.getTime() + minutes * 60_000);
}

function evaluate(budgetRemaining: number | null, alertState: SloAlertState) {
  return evaluateSloPolicy(POLICY, { budgetRemaining, alertState });
}

describe('keepPolicyState', () => {
  it('keeps a state for its keepForMinutes after its condition stops holding, then lets it go', () => {
    const cleared = evaluate(0.4, 'ok');
    const kept = keepPolicyState(POLICY, HALTED, cleared, minutesAfterHalt(29));
    expect(kept).toEqual({
      evaluation: {
        state: 'halted',
        decision: 'deny',
        ruleIndex: 0,
        consequence: POLICY.rules[0].consequence,
      },
      conditionHeldAt: HALTED_AT,
      keptUntil: minutesAfterHalt(30),
    });
    const released = keepPolicyState(
      POLICY,
      HALTED,
      cleared,
      minutesAfterHalt(30),
    );
    expect(released).toEqual({
      evaluation: cleared,
      conditionHeldAt: null,
      keptUntil: null,
    });
    expect(released.evaluation.state).toBe('ok');
  });

  it('counts the time from when the condition last held, not from when the state began', () => {
    const stillBurning = keepPolicyState(
      POLICY,
      HALTED,
      evaluate(0.4, 'page'),
      minutesAfterHalt(45),
    );
    expect(stillBurning).toMatchObject({
      evaluation: { state: 'halted' },
      conditionHeldAt: minutesAfterHalt(45),
      keptUntil: null,
    });
    const afterward = keepPolicyState(
      POLICY,
      { ...HALTED, conditionHeldAt: stillBurning.conditionHeldAt },
      evaluate(0.4, 'ok'),
      minutesAfterHalt(70),
    );
    expect(afterward).toMatchObject({
      evaluation: { state: 'halted' },
      keptUntil: minutesAfterHalt(75),
    });
  });

  it('keeps a state over a less severe rule that holds, and the time it ends is the kept rule’s', () => {
    const review = evaluate(0.1, 'ticket');
    expect(review.state).toBe('review');
    expect(
      keepPolicyState(POLICY, HALTED, review, minutesAfterHalt(10)),
    ).toMatchObject({
      evaluation: { state: 'halted' },
      keptUntil: minutesAfterHalt(30),
    });
    expect(
      keepPolicyState(POLICY, HALTED, review, minutesAfterHalt(31)),
    ).toEqual({
      evaluation: review,
      conditionHeldAt: minutesAfterHalt(31),
      keptUntil: null,
    });
  });

  it('takes a more severe state at once', () => {
    const previous: PreviousPolicyState = {
      policyName: 'default',
      state: 'review',
      ruleIndex: 2,
      conditionHeldAt: HALTED_AT,
    };
    const policy: ErrorBudgetPolicy = {
      ...POLICY,
      rules: POLICY.rules.map(rule => ({ ...rule, keepForMinutes: 60 })),
    };
    const halted = evaluateSloPolicy(policy, {
      budgetRemaining: 0.1,
      alertState: 'page',
    });
    expect(
      keepPolicyState(policy, previous, halted, minutesAfterHalt(1)),
    ).toEqual({
      evaluation: halted,
      conditionHeldAt: minutesAfterHalt(1),
      keptUntil: null,
    });
  });

  it('keeps nothing from a rule without keepForMinutes', () => {
    const frozen: PreviousPolicyState = {
      policyName: 'default',
      state: 'frozen',
      ruleIndex: 1,
      conditionHeldAt: HALTED_AT,
    };
    const cleared = evaluate(0.4, 'ok');
    expect(
      keepPolicyState(POLICY, frozen, cleared, minutesAfterHalt(1)).evaluation,
    ).toBe(cleared);
  });

  it.each<[string, PreviousPolicyState]>([
    ['another policy', { ...HALTED, policyName: 'strict' }],
    ['a rule moved or renamed since', { ...HALTED, state: 'stopped' }],
    ['a rule index the policy no longer has', { ...HALTED, ruleIndex: 9 }],
    [
      'no record of when the condition held',
      { ...HALTED, conditionHeldAt: null },
    ],
  ])('keeps nothing from a previous state of %s', (_, previous) => {
    const cleared = evaluate(0.4, 'ok');
    expect(
      keepPolicyState(POLICY, previous, cleared, minutesAfterHalt(1))
        .evaluation,
    ).toBe(cleared);
  });

  it('keeps a state when the SLO loses its data (no-data is less severe)', () => {
    expect(
      keepPolicyState(
        POLICY,
        HALTED,
        evaluate(null, 'unknown'),
        minutesAfterHalt(5),
      ).evaluation.state,
    ).toBe('halted');
  });

  it('keeps nothing without a previous state', () => {
    const halted = evaluate(0.4, 'page');
    expect(keepPolicyState(POLICY, undefined, halted, HALTED_AT)).toEqual({
      evaluation: halted,
      conditionHeldAt: HALTED_AT,
      keptUntil: null,
    });
  });
});
