import { ANNOTATIONS } from '../annotations';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  DEFAULT_POLICY_NAME,
} from './defaultPolicy';
import { ErrorBudgetPolicy, PolicySource } from './types';

/** Tiers a policy can be assigned to (the values of the tier annotation). @public */
export const POLICY_TIERS = ['tier-1', 'tier-2', 'tier-3', 'tier-4'] as const;

/** @public */
export type PolicyTier = (typeof POLICY_TIERS)[number];

/**
 * The policies in force: every named policy, which one each tier uses, and the default for entities without
 * a (known) tier. The built-in `default` policy is always there unless replaced.
 *
 * @public
 */
export interface PolicySet {
  policies: Record<string, ErrorBudgetPolicy>;
  tiers: Partial<Record<PolicyTier, string>>;
  defaultPolicy: string;
}

/** The policy set without any config: the built-in policy for every entity. @public */
export const BUILT_IN_POLICY_SET: PolicySet = {
  policies: { [DEFAULT_POLICY_NAME]: DEFAULT_ERROR_BUDGET_POLICY },
  tiers: {},
  defaultPolicy: DEFAULT_POLICY_NAME,
};

/** The policy that applies to an entity, why, and a problem with its annotation if any. @public */
export interface ResolvedPolicy {
  policy: ErrorBudgetPolicy;
  source: PolicySource;
  /** Set when the entity's policy annotation names no configured policy (the tier's or default policy applies). */
  problem?: string;
}

/** The annotations of an entity (the only part of it policy resolution reads). */
interface AnnotatedEntity {
  metadata: { annotations?: Record<string, string> };
}

/**
 * The policy of an entity: the one its `policy` annotation names, else its tier's, else the default.
 * An annotation naming an unknown policy is reported in `problem` and ignored.
 *
 * @public
 */
export function resolvePolicy(
  entity: AnnotatedEntity,
  set: PolicySet,
): ResolvedPolicy {
  const annotations = entity.metadata.annotations ?? {};
  const named = annotations[ANNOTATIONS.policy]?.trim();
  let problem: string | undefined;
  if (named) {
    const policy = set.policies[named];
    if (policy) {
      return { policy, source: 'annotation' };
    }
    problem = `The ${ANNOTATIONS.policy} annotation names the policy '${named}', which is not configured (reliability.policy.policies); the tier or default policy applies.`;
  }
  const tier = annotations[ANNOTATIONS.tier]?.trim().toLowerCase();
  const tierPolicy = tier ? set.tiers[tier as PolicyTier] : undefined;
  if (tierPolicy && set.policies[tierPolicy]) {
    return { policy: set.policies[tierPolicy], source: 'tier', problem };
  }
  const fallback =
    set.policies[set.defaultPolicy] ?? DEFAULT_ERROR_BUDGET_POLICY;
  return { policy: fallback, source: 'default', problem };
}

/**
 * The policy of one SLO: the policy its SLO document names (`SloDefinition.policy`, source `slo`) when it is
 * configured, else the entity's. A name that is not configured is reported in `problem` and ignored.
 *
 * @public
 */
export function resolveSloPolicy(
  entityPolicy: ResolvedPolicy,
  slo: { name: string; policy?: string },
  set: PolicySet,
): ResolvedPolicy {
  const named = slo.policy?.trim();
  if (!named) {
    return { policy: entityPolicy.policy, source: entityPolicy.source };
  }
  const policy = set.policies[named];
  if (policy) {
    return { policy, source: 'slo' };
  }
  return {
    policy: entityPolicy.policy,
    source: entityPolicy.source,
    problem: `The SLO '${slo.name}' names the policy '${named}' (${ANNOTATIONS.policy} in its SLO file), which is not configured (reliability.policy.policies); the entity's policy '${entityPolicy.policy.name}' applies.`,
  };
}
