import { isMoreSevere } from './evaluatePolicy';
import { ErrorBudgetPolicy, PolicyEvaluation } from './types';

const MINUTE_MS = 60_000;

/** The state an SLO was left in by its previous evaluation, as recorded. @public */
export interface PreviousPolicyState {
  policyName: string;
  state: string;
  ruleIndex: number | null;
  /** When the condition of the state's rule last held; null for `ok`, `no-data`, or not recorded. */
  conditionHeldAt: Date | null;
}

/** An evaluation after the policy's hysteresis: the state to record, and whether (until when) it is only kept. @public */
export interface KeptPolicyEvaluation {
  evaluation: PolicyEvaluation;
  /** When the condition of the state's rule last held: now when it holds; null for `ok` and `no-data`. */
  conditionHeldAt: Date | null;
  /** Set when the state is kept by its rule's `keepForMinutes` although its condition no longer holds. */
  keptUntil: Date | null;
}

/** The rule the previous state came from, when the policy still has it (same policy, same index, same state). */
function previousRule(
  policy: ErrorBudgetPolicy,
  previous: PreviousPolicyState,
) {
  if (previous.policyName !== policy.name || previous.ruleIndex === null) {
    return undefined;
  }
  const rule = policy.rules[previous.ruleIndex];
  return rule?.state === previous.state ? rule : undefined;
}

/**
 * Applies a policy's hysteresis to a new evaluation of one SLO: while the previous state's rule keeps its state
 * (`keepForMinutes` after its condition last held) and the new evaluation is less severe, the previous state
 * stays. A more severe (or the same) state is taken at once; a policy edited since (the rule gone or moved) keeps
 * nothing.
 *
 * @public
 */
export function keepPolicyState(
  policy: ErrorBudgetPolicy,
  previous: PreviousPolicyState | undefined,
  next: PolicyEvaluation,
  now: Date,
): KeptPolicyEvaluation {
  const rule = previous && previousRule(policy, previous);
  if (rule?.keepForMinutes && previous?.conditionHeldAt) {
    const kept: PolicyEvaluation = {
      state: rule.state,
      decision: rule.decision,
      ruleIndex: previous.ruleIndex,
      consequence: rule.consequence,
    };
    const keptUntil = new Date(
      previous.conditionHeldAt.getTime() + rule.keepForMinutes * MINUTE_MS,
    );
    if (isMoreSevere(kept, next) && now.getTime() < keptUntil.getTime()) {
      return {
        evaluation: kept,
        conditionHeldAt: previous.conditionHeldAt,
        keptUntil,
      };
    }
  }
  return {
    evaluation: next,
    conditionHeldAt: next.ruleIndex === null ? null : now,
    keptUntil: null,
  };
}
