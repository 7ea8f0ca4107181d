/**
 * Error-budget policy as code: what a team agreed to do when an SLO's error budget runs low or burns fast.
 * A policy is an ordered list of rules; the first rule whose condition holds for an SLO gives the SLO's policy
 * state (for example `review`, `frozen`, `halted`) and the decision for deploys.
 */

/** What a policy state means for deploys: go ahead, go ahead with care, or stop. @public */
export type PolicyDecision = 'allow' | 'warn' | 'deny';

/** Every decision, least strict first. @public */
export const POLICY_DECISIONS: readonly PolicyDecision[] = [
  'allow',
  'warn',
  'deny',
];

/**
 * When a rule applies to one SLO. Every condition given must hold (at least one is required):
 * `budgetRemainingBelow` is a percentage of the error budget (25 = a quarter left), `budgetExhausted` holds when
 * nothing is left (0 % or overspent), `burnAlert` when a multiwindow burn-rate alert of at least that severity
 * fires (`ticket` also holds while a `page` alert fires).
 *
 * @public
 */
export interface PolicyCondition {
  budgetRemainingBelow?: number;
  budgetExhausted?: boolean;
  burnAlert?: 'page' | 'ticket';
}

/** One rule of a policy: a condition, the state it puts the SLO in, and what that means. @public */
export interface PolicyRule {
  /** Name of the policy state, e.g. `review`, `frozen`, `halted` (lower case, digits and `-`). */
  state: string;
  when: PolicyCondition;
  decision: PolicyDecision;
  /** What the team does in this state, e.g. "freeze feature releases; reliability work only". */
  consequence: string;
  /**
   * Minutes an SLO stays in this state after the condition stops holding, unless a more severe rule applies: the
   * policy's hysteresis (like Prometheus's `keep_firing_for`), so a burn-rate alert that clears and fires again
   * does not flip deploys between halted and allowed. Absent: the state ends at the first evaluation where the
   * condition no longer holds.
   */
  keepForMinutes?: number;
}

/** A named error-budget policy: ordered rules, the first that applies wins. @public */
export interface ErrorBudgetPolicy {
  name: string;
  description?: string;
  rules: PolicyRule[];
  /**
   * How old (minutes since last checked) an SLO's figures may be for the deploy gate to judge on them; older ones
   * make the answer say `sloDataOverdue` and take `reliability.policy.deployGate.outdatedSloData`. Absent: only the
   * SLO collection's own limit (two cadences plus a timeout) applies.
   */
  maxSloDataAgeMinutes?: number;
}

/** The state of an SLO no rule applies to (and which has data). @public */
export const POLICY_STATE_OK = 'ok';
/** The state of an SLO without data (never collected, or no events in its window). @public */
export const POLICY_STATE_NO_DATA = 'no-data';

/** What the policy says about one SLO (or, combined, about a service). @public */
export interface PolicyEvaluation {
  /** The matching rule's state, `ok`, or `no-data`. */
  state: string;
  decision: PolicyDecision;
  /** Index of the matching rule in the policy; null for `ok` and `no-data`. */
  ruleIndex: number | null;
  /** The matching rule's consequence; null for `ok` and `no-data`. */
  consequence: string | null;
}

/**
 * Where a policy comes from: the entity's annotation, its tier, the default, or (for one SLO) the SLO document's
 * own `reliability.sre-portal.dev/policy` annotation or label. @public
 */
export type PolicySource = 'annotation' | 'tier' | 'default' | 'slo';
