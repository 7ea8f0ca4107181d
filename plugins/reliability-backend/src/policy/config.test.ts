import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_ERROR_BUDGET_POLICY } from '@internal/backstage-plugin-reliability-common';
import { readPolicyConfig } from './config';

const logger = mockServices.logger.mock();

function read(policy: JsonObject) {
  return readPolicyConfig(
    new ConfigReader({ reliability: { policy } }),
    logger,
  );
}

const strict = {
  description: 'Tier 1',
  rules: [
    {
      state: 'frozen',
      when: { budgetRemainingBelow: 20 },
      decision: 'deny',
      consequence: 'Freeze feature releases; reliability work only.',
    },
  ],
};

describe('readPolicyConfig', () => {
  it('defaults to the built-in policy for every entity', () => {
    const config = readPolicyConfig(new ConfigReader({}), logger);
    expect(config.policySet).toEqual({
      policies: { default: DEFAULT_ERROR_BUDGET_POLICY },
      tiers: {},
      defaultPolicy: 'default',
    });
    expect(config.refreshInterval).toEqual({ minutes: 5 });
    expect(config.retentionDays).toBe(400);
    expect(config.answersPerEntity).toBe(50);
    expect(config.maxOverrideMs).toBe(24 * 3600_000);
    expect(config.outdatedSloData).toBe('decide');
    expect(config.demoSeeding).toBe(false);
  });

  it('turns the demo deploy pipelines on only when asked, and warns', () => {
    const warn = mockServices.logger.mock();
    const config = readPolicyConfig(
      new ConfigReader({ reliability: { demo: { seedDeployGate: true } } }),
      warn,
    );
    expect(config.demoSeeding).toBe(true);
    expect(warn.warn).toHaveBeenCalledWith(
      expect.stringContaining('reliability.demo.seedDeployGate is on'),
    );
  });

  it('reads what the deploy gate answers on outdated SLO data, and refuses anything else', () => {
    expect(
      read({ deployGate: { outdatedSloData: 'warn' } }).outdatedSloData,
    ).toBe('warn');
    expect(() => read({ deployGate: { outdatedSloData: 'block' } })).toThrow(
      /outdatedSloData: 'block' \(use decide, warn, deny\)/,
    );
  });

  it("reads a rule's keepFor as whole minutes, in either duration form", () => {
    const withKeep = (keepFor: JsonObject[string]) =>
      read({
        policies: {
          strict: { rules: [{ ...strict.rules[0], keepFor }] },
        },
      }).policySet.policies.strict.rules[0];
    expect(withKeep({ minutes: 30 })).toEqual({
      ...strict.rules[0],
      keepForMinutes: 30,
    });
    expect(withKeep('PT2H').keepForMinutes).toBe(120);
    expect(
      read({ policies: { strict } }).policySet.policies.strict.rules[0],
    ).not.toHaveProperty('keepForMinutes');
  });

  it.each<[string, JsonObject[string], RegExp]>([
    ['seconds', { seconds: 90 }, /rules\.0\.keepFor: must be whole minutes/],
    [
      'too long',
      { days: 8 },
      /rules\.0\.keepFor: must be whole minutes, from 1 minute to 7 days/,
    ],
    ['not a duration', 'half an hour', /rules\.0\.keepFor: /],
    ['an unknown unit', { fortnights: 1 }, /rules\.0\.keepFor: /],
    [
      'a number',
      30,
      /rules\.0\.keepFor: must be a duration, e.g. { minutes: 30 } or PT30M/,
    ],
  ])(
    'refuses a keepFor of %s, naming the policy and rule',
    (_, keepFor, message) => {
      expect(() =>
        read({
          policies: { strict: { rules: [{ ...strict.rules[0], keepFor }] } },
        }),
      ).toThrow(message);
      expect(() =>
        read({
          policies: { strict: { rules: [{ ...strict.rules[0], keepFor }] } },
        }),
      ).toThrow(/reliability\.policy\.policies\.strict/);
    },
  );

  it("reads a policy's maxSloDataAge as whole minutes, and refuses one over a day", () => {
    expect(
      read({
        policies: { strict: { ...strict, maxSloDataAge: { minutes: 10 } } },
      }).policySet.policies.strict.maxSloDataAgeMinutes,
    ).toBe(10);
    expect(
      read({ policies: { strict } }).policySet.policies.strict,
    ).not.toHaveProperty('maxSloDataAgeMinutes');
    expect(() =>
      read({ policies: { strict: { ...strict, maxSloDataAge: { days: 2 } } } }),
    ).toThrow(
      /reliability\.policy\.policies\.strict: maxSloDataAge: must be whole minutes, from 1 minute to 1 day/,
    );
  });

  it('reads policies, tiers and the default', () => {
    const config = read({
      policies: { strict },
      tiers: { 'tier-1': 'strict', 'tier-2': 'default' },
      defaultPolicy: 'strict',
      refreshInterval: 'PT10M',
      retention: { days: 30 },
      deployGate: { answersPerEntity: 5, maxOverrideDuration: { hours: 4 } },
    });
    expect(config.policySet.policies.strict).toEqual({
      name: 'strict',
      ...strict,
    });
    expect(config.policySet.policies.default).toBe(DEFAULT_ERROR_BUDGET_POLICY);
    expect(config.policySet.tiers).toEqual({
      'tier-1': 'strict',
      'tier-2': 'default',
    });
    expect(config.policySet.defaultPolicy).toBe('strict');
    expect(config.refreshInterval).toEqual({ minutes: 10 });
    expect(config.retentionDays).toBe(30);
    expect(config.answersPerEntity).toBe(5);
    expect(config.maxOverrideMs).toBe(4 * 3600_000);
  });

  it('lets config replace the built-in default policy', () => {
    const config = read({ policies: { default: strict } });
    expect(config.policySet.policies.default.rules).toEqual(strict.rules);
  });

  it.each([
    [
      { policies: { strict: { rules: [{ ...strict.rules[0], when: {} }] } } },
      /policies.strict: rules.0.when: needs at least one of/,
    ],
    [
      {
        policies: { strict: { rules: [{ ...strict.rules[0], state: 'ok' }] } },
      },
      /rules.0.state: 'ok' and 'no-data' are reserved/,
    ],
    [
      {
        policies: {
          strict: { rules: [{ ...strict.rules[0], decision: 'block' }] },
        },
      },
      /rules.0.decision/,
    ],
    [
      {
        policies: {
          strict: {
            rules: [
              { ...strict.rules[0], when: { budgetRemainingBelow: 120 } },
            ],
          },
        },
      },
      /rules.0.when.budgetRemainingBelow/,
    ],
    [
      {
        policies: {
          strict: {
            rules: [{ ...strict.rules[0], when: { burnAlert: 'warning' } }],
          },
        },
      },
      /rules.0.when.burnAlert/,
    ],
    [
      { policies: { strict: { rules: [{ ...strict.rules[0], extra: 1 }] } } },
      /rules.0/,
    ],
    [{ policies: { strict: { rules: [] } } }, /policies.strict: rules/],
    [{ policies: { Strict: strict } }, /policies.Strict: a policy name/],
    [
      { tiers: { 'tier-1': 'strict' } },
      /tiers.tier-1: no policy 'strict' \(known: default\)/,
    ],
    [{ tiers: { gold: 'default' } }, /tiers.gold: tiers are tier-1/],
    [{ defaultPolicy: 'nope' }, /defaultPolicy: no policy 'nope'/],
    [{ retention: { days: 0 } }, /retention.days/],
    [
      { deployGate: { maxOverrideDuration: { days: 30 } } },
      /maxOverrideDuration/,
    ],
  ])('rejects %j', (policy, message) => {
    expect(() => read(policy as JsonObject)).toThrow(message);
  });
});
