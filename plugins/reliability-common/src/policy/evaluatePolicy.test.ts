import { SloAlertState } from '../slo/api';
import { DEFAULT_ERROR_BUDGET_POLICY } from './defaultPolicy';
import {
  conditionHolds,
  evaluateSloPolicy,
  mostSevereEvaluation,
} from './evaluatePolicy';
import { ErrorBudgetPolicy, PolicyEvaluation } from './types';

describe('conditionHolds', () => {
  it.each<
    [
      string,
      Parameters<typeof conditionHolds>[0],
      number | null,
      SloAlertState,
      boolean,
    ]
  >([
    ['below 25 % at 24.9 %', { budgetRemainingBelow: 25 }, 0.249, 'ok', true],
    [
      'below 25 % at exactly 25 %',
      { budgetRemainingBelow: 25 },
      0.25,
      'ok',
      false,
    ],
    [
      'below 25 % when overspent',
      { budgetRemainingBelow: 25 },
      -0.4,
      'ok',
      true,
    ],
    [
      'below 25 % without data',
      { budgetRemainingBelow: 25 },
      null,
      'unknown',
      false,
    ],
    ['exhausted at 0', { budgetExhausted: true }, 0, 'ok', true],
    ['exhausted when overspent', { budgetExhausted: true }, -0.01, 'ok', true],
    ['exhausted at 0.1 %', { budgetExhausted: true }, 0.001, 'ok', false],
    ['not exhausted at 0.1 %', { budgetExhausted: false }, 0.001, 'ok', true],
    [
      'exhausted without data',
      { budgetExhausted: true },
      null,
      'unknown',
      false,
    ],
    ['page alert while paging', { burnAlert: 'page' }, 0.9, 'page', true],
    ['page alert on a ticket', { burnAlert: 'page' }, 0.9, 'ticket', false],
    ['ticket alert on a ticket', { burnAlert: 'ticket' }, 0.9, 'ticket', true],
    ['ticket alert while paging', { burnAlert: 'ticket' }, 0.9, 'page', true],
    ['ticket alert when ok', { burnAlert: 'ticket' }, 0.9, 'ok', false],
    [
      'both: ticket and below 50 %',
      { burnAlert: 'ticket', budgetRemainingBelow: 50 },
      0.4,
      'ticket',
      true,
    ],
    [
      'both: ticket but 60 % left',
      { burnAlert: 'ticket', budgetRemainingBelow: 50 },
      0.6,
      'ticket',
      false,
    ],
    ['no condition at all', {}, 0, 'page', false],
  ])('%s', (_name, when, budgetRemaining, alertState, expected) => {
    expect(conditionHolds(when, { budgetRemaining, alertState })).toBe(
      expected,
    );
  });
});

describe('evaluateSloPolicy with the built-in policy', () => {
  it.each<[number | null, SloAlertState, string, string]>([
    [0.9, 'ok', 'ok', 'allow'],
    [0.25, 'ticket', 'ok', 'allow'],
    [0.2, 'ok', 'review', 'warn'],
    [0, 'ok', 'frozen', 'deny'],
    [-1.5, 'ticket', 'frozen', 'deny'],
    // A page-severity burn comes first, whatever the budget.
    [0.95, 'page', 'halted', 'deny'],
    [-0.2, 'page', 'halted', 'deny'],
    [null, 'unknown', 'no-data', 'allow'],
    [null, 'ok', 'no-data', 'allow'],
  ])(
    'budget %p, alert %p -> %s (%s)',
    (budgetRemaining, alertState, state, decision) => {
      const result = evaluateSloPolicy(DEFAULT_ERROR_BUDGET_POLICY, {
        budgetRemaining,
        alertState,
      });
      expect(result.state).toBe(state);
      expect(result.decision).toBe(decision);
    },
  );

  it('names the rule and its consequence', () => {
    expect(
      evaluateSloPolicy(DEFAULT_ERROR_BUDGET_POLICY, {
        budgetRemaining: -0.1,
        alertState: 'ok',
      }),
    ).toEqual({
      state: 'frozen',
      decision: 'deny',
      ruleIndex: 1,
      consequence: 'Freeze feature releases; reliability work only.',
    });
    expect(
      evaluateSloPolicy(DEFAULT_ERROR_BUDGET_POLICY, {
        budgetRemaining: 0.5,
        alertState: 'ok',
      }),
    ).toEqual({
      state: 'ok',
      decision: 'allow',
      ruleIndex: null,
      consequence: null,
    });
  });

  it('takes the first matching rule in order', () => {
    const policy: ErrorBudgetPolicy = {
      name: 'order',
      rules: [
        {
          state: 'review',
          when: { budgetRemainingBelow: 50 },
          decision: 'warn',
          consequence: 'a',
        },
        {
          state: 'frozen',
          when: { budgetExhausted: true },
          decision: 'deny',
          consequence: 'b',
        },
      ],
    };
    // The review rule comes first and also matches an exhausted budget.
    expect(
      evaluateSloPolicy(policy, { budgetRemaining: -1, alertState: 'ok' })
        .state,
    ).toBe('review');
  });
});

function evaluation(
  state: string,
  decision: PolicyEvaluation['decision'],
  ruleIndex: number | null,
): PolicyEvaluation {
  return {
    state,
    decision,
    ruleIndex,
    consequence: ruleIndex === null ? null : state,
  };
}

describe('mostSevereEvaluation', () => {
  it.each<[string, PolicyEvaluation[], number]>([
    ['empty', [], -1],
    [
      'deny over warn',
      [evaluation('review', 'warn', 2), evaluation('frozen', 'deny', 1)],
      1,
    ],
    [
      'earlier rule among equal decisions',
      [evaluation('frozen', 'deny', 1), evaluation('halted', 'deny', 0)],
      1,
    ],
    [
      'a matched allow rule over ok',
      [evaluation('ok', 'allow', null), evaluation('watch', 'allow', 3)],
      1,
    ],
    [
      'ok over no-data',
      [evaluation('no-data', 'allow', null), evaluation('ok', 'allow', null)],
      1,
    ],
    [
      'the first of equals',
      [evaluation('review', 'warn', 2), evaluation('review', 'warn', 2)],
      0,
    ],
  ])('%s', (_name, evaluations, expected) => {
    expect(mostSevereEvaluation(evaluations)).toBe(expected);
  });
});
