import { SloAlertState } from '../slo/api';
import {
  ErrorBudgetPolicy,
  POLICY_DECISIONS,
  POLICY_STATE_NO_DATA,
  POLICY_STATE_OK,
  PolicyCondition,
  PolicyDecision,
  PolicyEvaluation,
} from './types';

/** The state of one SLO a policy is evaluated on. @public */
export interface SloPolicyInput {
  /** Share of the error budget left (1 = untouched, 0 = exhausted, negative = overspent); null without data. */
  budgetRemaining: number | null;
  /** Most severe burn-rate alert firing. */
  alertState: SloAlertState;
}

/** Rank of a decision: allow 0, warn 1, deny 2. @public */
export function decisionRank(decision: PolicyDecision): number {
  return POLICY_DECISIONS.indexOf(decision);
}

function burnAlertHolds(
  severity: 'page' | 'ticket',
  alertState: SloAlertState,
): boolean {
  return severity === 'page'
    ? alertState === 'page'
    : alertState === 'page' || alertState === 'ticket';
}

/** Whether every condition given holds; a condition on the budget never holds without budget data. @public */
export function conditionHolds(
  when: PolicyCondition,
  input: SloPolicyInput,
): boolean {
  const { budgetRemaining, alertState } = input;
  const checks: boolean[] = [];
  if (when.budgetRemainingBelow !== undefined) {
    checks.push(
      budgetRemaining !== null &&
        budgetRemaining * 100 < when.budgetRemainingBelow,
    );
  }
  if (when.budgetExhausted !== undefined) {
    const exhausted = budgetRemaining !== null && budgetRemaining <= 0;
    checks.push(budgetRemaining !== null && exhausted === when.budgetExhausted);
  }
  if (when.burnAlert !== undefined) {
    checks.push(burnAlertHolds(when.burnAlert, alertState));
  }
  return checks.length > 0 && checks.every(Boolean);
}

/**
 * Evaluates a policy for one SLO: the first rule whose condition holds decides. Without a matching rule the
 * SLO is `ok` (allow), or `no-data` (allow) when its budget is unknown.
 *
 * @public
 */
export function evaluateSloPolicy(
  policy: ErrorBudgetPolicy,
  input: SloPolicyInput,
): PolicyEvaluation {
  const ruleIndex = policy.rules.findIndex(rule =>
    conditionHolds(rule.when, input),
  );
  if (ruleIndex >= 0) {
    const rule = policy.rules[ruleIndex];
    return {
      state: rule.state,
      decision: rule.decision,
      ruleIndex,
      consequence: rule.consequence,
    };
  }
  return {
    state:
      input.budgetRemaining === null ? POLICY_STATE_NO_DATA : POLICY_STATE_OK,
    decision: 'allow',
    ruleIndex: null,
    consequence: null,
  };
}

/** Orders evaluations most severe first: stricter decision, then a matched rule, then the earlier rule, then ok over no-data. */
function severityOrder(a: PolicyEvaluation, b: PolicyEvaluation): number {
  const byDecision = decisionRank(b.decision) - decisionRank(a.decision);
  if (byDecision !== 0) return byDecision;
  if (a.ruleIndex !== null && b.ruleIndex !== null) {
    return a.ruleIndex - b.ruleIndex;
  }
  if (a.ruleIndex !== null) return -1;
  if (b.ruleIndex !== null) return 1;
  if (a.state === b.state) return 0;
  return a.state === POLICY_STATE_OK ? -1 : 1;
}

/** Whether evaluation `a` is more severe than `b` (by the order `mostSevereEvaluation` picks by). @public */
export function isMoreSevere(
  a: PolicyEvaluation,
  b: PolicyEvaluation,
): boolean {
  return severityOrder(a, b) < 0;
}

/**
 * The most severe of several evaluations (the SLOs of one service under one policy): the service's state.
 * Returns the index of that evaluation, or -1 for an empty list.
 *
 * @public
 */
export function mostSevereEvaluation(
  evaluations: readonly PolicyEvaluation[],
): number {
  let worst = -1;
  evaluations.forEach((evaluation, index) => {
    if (worst < 0 || severityOrder(evaluation, evaluations[worst]) < 0) {
      worst = index;
    }
  });
  return worst;
}
