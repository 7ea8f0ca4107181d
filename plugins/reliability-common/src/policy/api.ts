import { SloAlertState } from '../slo/api';
import type { ChecklistFixTemplate } from '../checklist/types';
import {
  ErrorBudgetPolicy,
  PolicyDecision,
  PolicyEvaluation,
  PolicySource,
} from './types';

/**
 * Types of the error-budget policy and deploy-gate routes of the reliability backend's REST API.
 */

/** The current policy state of one SLO, or of the service as a whole (`sloName` null). @public */
export interface PolicyStateView extends PolicyEvaluation {
  sloName: string | null;
  displayName?: string;
  /** The policy the state was judged by: the SLO's own (named in its SLO file) or the entity's. */
  policyName: string;
  /** Where that policy comes from (`slo`: the SLO file names it). */
  policySource: PolicySource;
  /** A problem with the policy the SLO file names (not configured: the entity's policy applies). */
  problem?: string;
  /** When the SLO (or service) entered this state, as far as recorded. */
  since: string;
  /**
   * Set while the state is only kept by its rule's `keepForMinutes` (its condition no longer holds): when it ends
   * unless the condition holds again.
   */
  keptUntil?: string;
  /** The SLO's budget left and alert state the evaluation used (the most severe SLO's, for the service). */
  budgetRemaining: number | null;
  alertState: SloAlertState;
}

/** One recorded change of the policy state of an SLO or of the service (`sloName` null). @public */
export interface PolicyStateChange {
  entityRef: string;
  sloName: string | null;
  policyName: string;
  /** The state before; null when the SLO (or service) was first evaluated. */
  fromState: string | null;
  toState: string;
  decision: PolicyDecision;
  changedAt: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/policy`. @public */
export interface EntityPolicyResponse {
  entityRef: string;
  policy: ErrorBudgetPolicy;
  source: PolicySource;
  /** A problem with the entity's policy annotation (unknown policy), or null. */
  problem: string | null;
  /** The service's state: its most severe SLO's; null when the entity has no SLOs. */
  service: PolicyStateView | null;
  slos: PolicyStateView[];
  /** Recorded state changes, newest first (bounded). */
  history: PolicyStateChange[];
  /** SLOs whose latest collection failed: their state is judged on the last good data. */
  staleSlos: string[];
  evaluatedAt: string;
}

/** Why the deploy gate answers as it does: one SLO in a state whose rule matched. @public */
export interface DeployGateReason {
  sloName: string;
  displayName?: string;
  /** The policy whose rule matched, when it is the SLO's own (named in its SLO file) rather than the entity's. */
  policyName?: string;
  state: string;
  decision: PolicyDecision;
  /** Index of the policy rule that matched. */
  ruleIndex: number;
  consequence: string;
  since: string;
  /** Set while the state is only kept by its rule's `keepForMinutes`: when it ends unless its condition holds again. */
  keptUntil?: string;
}

/** A break-glass override of the deploy gate: while active, `deny` answers become `allow`. @public */
export interface DeployGateOverride {
  id: string;
  entityRef: string;
  reason: string;
  /** User entity ref (or service subject) who created it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  /** Set when the override was revoked before it expired: when, by whom and why. */
  revoked?: DeployGateOverrideRevocation;
}

/** An early end of a deploy-gate override. @public */
export interface DeployGateOverrideRevocation {
  /** When the override ends (ended): the time of the revocation, or the earlier end it was given. */
  at: string;
  /** User entity ref who revoked it. */
  by: string;
  reason: string;
}

/** Body of `DELETE /entities/:kind/:namespace/:name/deploy-gate/overrides/:id`. @public */
export interface RevokeDeployGateOverrideRequest {
  /** Why the override ends early (recorded; 3 to 500 characters). */
  reason: string;
  /** ISO 8601 time the override ends, from now to before its expiry; default now. */
  endsAt?: string;
}

/** Body of `POST /entities/:kind/:namespace/:name/deploy-gate/overrides`. @public */
export interface CreateDeployGateOverrideRequest {
  /** Why the gate is overridden (recorded; 3 to 500 characters). */
  reason: string;
  /** ISO 8601 end of the override: in the future and at most the configured maximum (24 hours by default) ahead. */
  expiresAt: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/deploy-gate`. @public */
export interface DeployGateResponse {
  entityRef: string;
  /** What the pipeline should do: `deny` fails the deploy, `warn` lets it go with a warning. */
  decision: PolicyDecision;
  /** The policy's decision before any override. */
  policyDecision: PolicyDecision;
  /** True when an active override turned a `deny` into `allow`. */
  overridden: boolean;
  override: DeployGateOverride | null;
  policyName: string;
  /** The service's policy state and since when (null since: the entity has no SLOs). */
  state: string;
  since: string | null;
  /** Every SLO whose state comes from a policy rule, most severe first. */
  reasons: DeployGateReason[];
  /** One line for logs, e.g. "deny: checkout-availability is frozen since 2026-11-20T08:00:00Z: ...". */
  message: string;
  evaluatedAt: string;
  /**
   * Set when SLO collection is behind (see `EntitySlosResponse.collectionOverdue`): the decision was taken on SLO
   * figures last checked at `checkedAt`, and the message says so. The decision itself is the policy's, unchanged.
   */
  sloDataOverdue?: {
    checkedAt: string;
    /** Set when the figures are older than the policy allows (`maxSloDataAgeMinutes`), rather than collection being behind. */
    maxAgeMinutes?: number;
  };
}

/** One recorded answer of the deploy gate. @public */
export interface DeployGateAnswerRecord {
  entityRef: string;
  decision: PolicyDecision;
  policyDecision: PolicyDecision;
  overridden: boolean;
  state: string;
  /** User entity ref or service subject (e.g. `external:github-actions`) that asked. */
  askedBy: string;
  /** Free text the pipeline sent with `?context=` (run URL, commit), or null. */
  context: string | null;
  askedAt: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/deploy-gate/activity`. @public */
export interface DeployGateActivity {
  entityRef: string;
  /** The newest answers first (bounded). */
  answers: DeployGateAnswerRecord[];
  /** Overrides neither expired nor revoked, newest first. */
  activeOverrides: DeployGateOverride[];
  /** Overrides that expired or were revoked recently (the last 7 days), newest first. */
  recentOverrides: DeployGateOverride[];
  /**
   * The software template that adds a step asking the gate to a pipeline: the fix template of the checklist's item
   * checked by `deploys-ask-gate`, when the checklist names one.
   */
  askTemplate?: ChecklistFixTemplate;
}

/**
 * The newest deploy-gate answer recorded for a service (a pipeline or a person asked `GET .../deploy-gate`), as the
 * checklist's automatic `deploys-ask-gate` item reads it. @public
 */
export interface DeployGateUsageSummary {
  entityRef: string;
  /** When the gate was last asked (ISO 8601). */
  lastAskedAt: string;
  /** Who asked: a user entity ref or a service subject (e.g. `external:github-actions`). */
  lastAskedBy: string;
  /** What the gate answered then. */
  lastDecision: PolicyDecision;
}

/**
 * The current policy state of a service as a whole (its most severe SLO's), as other areas read it (the
 * overview's policy column and filter). @public
 */
export interface PolicySummary {
  entityRef: string;
  /** `ok`, `no-data` or the state of a policy rule (`review`, `frozen`, ...). */
  state: string;
  decision: PolicyDecision;
  /** The policy of the most severe SLO. */
  policyName: string;
  /** When the service entered this state. */
  since: string;
  evaluatedAt: string;
}
