import { ANNOTATIONS } from '../annotations';
import { DEFAULT_ERROR_BUDGET_POLICY } from './defaultPolicy';
import {
  BUILT_IN_POLICY_SET,
  PolicySet,
  resolvePolicy,
  resolveSloPolicy,
} from './resolvePolicy';
import { ErrorBudgetPolicy } from './types';

const strict: ErrorBudgetPolicy = {
  name: 'strict',
  rules: [
    {
      state: 'frozen',
      when: { budgetRemainingBelow: 20 },
      decision: 'deny',
      consequence: 'Freeze.',
    },
  ],
};
const lenient: ErrorBudgetPolicy = {
  name: 'lenient',
  rules: [
    {
      state: 'review',
      when: { budgetRemainingBelow: 25 },
      decision: 'warn',
      consequence: 'Review.',
    },
  ],
};
const set: PolicySet = {
  policies: { default: DEFAULT_ERROR_BUDGET_POLICY, strict, lenient },
  tiers: { 'tier-1': 'strict', 'tier-3': 'lenient' },
  defaultPolicy: 'default',
};

function entity(annotations: Record<string, string>) {
  return { metadata: { annotations } };
}

describe('resolvePolicy', () => {
  it('uses the tier policy, case-insensitively', () => {
    expect(
      resolvePolicy(entity({ [ANNOTATIONS.tier]: 'Tier-1' }), set),
    ).toEqual({
      policy: strict,
      source: 'tier',
      problem: undefined,
    });
  });

  it('lets the annotation override the tier', () => {
    expect(
      resolvePolicy(
        entity({
          [ANNOTATIONS.tier]: 'tier-1',
          [ANNOTATIONS.policy]: ' lenient ',
        }),
        set,
      ),
    ).toEqual({ policy: lenient, source: 'annotation' });
  });

  it('falls back to the default for a tier without a policy or without a tier', () => {
    expect(
      resolvePolicy(entity({ [ANNOTATIONS.tier]: 'tier-2' }), set).policy,
    ).toBe(DEFAULT_ERROR_BUDGET_POLICY);
    expect(resolvePolicy({ metadata: {} }, set).source).toBe('default');
  });

  it('reports an annotation naming an unknown policy and applies the tier policy', () => {
    const resolved = resolvePolicy(
      entity({ [ANNOTATIONS.tier]: 'tier-3', [ANNOTATIONS.policy]: 'relaxed' }),
      set,
    );
    expect(resolved.policy).toBe(lenient);
    expect(resolved.source).toBe('tier');
    expect(resolved.problem).toMatch(
      /names the policy 'relaxed', which is not configured/,
    );
  });

  it('applies the built-in policy without config', () => {
    expect(
      resolvePolicy(
        entity({ [ANNOTATIONS.tier]: 'tier-1' }),
        BUILT_IN_POLICY_SET,
      ),
    ).toEqual({
      policy: DEFAULT_ERROR_BUDGET_POLICY,
      source: 'default',
      problem: undefined,
    });
  });
});

describe('resolveSloPolicy', () => {
  const entityPolicy = resolvePolicy(
    entity({ [ANNOTATIONS.tier]: 'tier-1' }),
    set,
  );

  it("uses the policy the SLO file names over the entity's", () => {
    expect(
      resolveSloPolicy(
        entityPolicy,
        { name: 'latency', policy: ' lenient ' },
        set,
      ),
    ).toEqual({ policy: lenient, source: 'slo' });
  });

  it("keeps the entity's policy for an SLO naming none", () => {
    expect(resolveSloPolicy(entityPolicy, { name: 'latency' }, set)).toEqual({
      policy: strict,
      source: 'tier',
    });
  });

  it("reports an SLO naming an unknown policy and applies the entity's", () => {
    const resolved = resolveSloPolicy(
      entityPolicy,
      { name: 'latency', policy: 'relaxed' },
      set,
    );
    expect(resolved.policy).toBe(strict);
    expect(resolved.source).toBe('tier');
    expect(resolved.problem).toMatch(
      /The SLO 'latency' names the policy 'relaxed'.*the entity's policy 'strict' applies/,
    );
  });
});
