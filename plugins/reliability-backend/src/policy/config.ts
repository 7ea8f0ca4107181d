import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  BUILT_IN_POLICY_SET,
  DEFAULT_POLICY_NAME,
  ErrorBudgetPolicy,
  POLICY_STATE_NO_DATA,
  POLICY_STATE_OK,
  POLICY_TIERS,
  PolicySet,
  PolicyTier,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';
import { readDuration, readDurationMs } from '../shared/config';

/** Default of `reliability.policy.retention.days`: longer than the longest SLO window, so reports see a full previous window. */
export const DEFAULT_POLICY_RETENTION_DAYS = 400;
/** The deploy gate's answer on outdated SLO data (`reliability.policy.deployGate.outdatedSloData`). */
export type OutdatedSloDataAnswer = 'decide' | 'warn' | 'deny';
const OUTDATED_SLO_DATA_ANSWERS: readonly OutdatedSloDataAnswer[] = [
  'decide',
  'warn',
  'deny',
];

/** Default of `reliability.policy.deployGate.answersPerEntity`. */
export const DEFAULT_ANSWERS_PER_ENTITY = 50;

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
const RESERVED_STATES = new Set([POLICY_STATE_OK, POLICY_STATE_NO_DATA]);

const conditionSchema = z
  .strictObject({
    budgetRemainingBelow: z.number().gt(0).lte(100).optional(),
    budgetExhausted: z.boolean().optional(),
    burnAlert: z.enum(['page', 'ticket']).optional(),
  })
  .refine(when => Object.values(when).some(v => v !== undefined), {
    message:
      'needs at least one of budgetRemainingBelow, budgetExhausted, burnAlert',
  });

const durationSchema = z.union([z.string(), z.record(z.string(), z.number())], {
  error: 'must be a duration, e.g. { minutes: 30 } or PT30M',
});

const ruleSchema = z.strictObject({
  state: z
    .string()
    .regex(NAME, 'must be lower case letters, digits and "-" (at most 40)')
    .refine(state => !RESERVED_STATES.has(state), {
      message: `'${POLICY_STATE_OK}' and '${POLICY_STATE_NO_DATA}' are reserved`,
    }),
  when: conditionSchema,
  decision: z.enum(['allow', 'warn', 'deny']),
  consequence: z.string().trim().min(1).max(500),
  keepFor: durationSchema.optional(),
});

/** A duration in config: `{ minutes: 30 }` or ISO 8601 `PT30M`. */
type ConfigDuration = string | Record<string, number>;

/** Bounds of a rule's `keepFor`: at least a minute, at most a week. */
const KEEP_FOR_MINUTES = {
  min: 1,
  max: 7 * 24 * 60,
  text: '1 minute to 7 days',
};
/** Bounds of a policy's `maxSloDataAge`: at least a minute, at most a day. */
const MAX_DATA_AGE_MINUTES = {
  min: 1,
  max: 24 * 60,
  text: '1 minute to 1 day',
};

/** A duration field (`field`) as whole minutes within `bounds`, or a message saying what is wrong. */
function readWholeMinutes(
  field: string,
  value: ConfigDuration,
  bounds: { min: number; max: number; text: string },
): number | string {
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(new ConfigReader({ [field]: value }), {
        key: field,
      }),
    );
  } catch (error) {
    return `${field}: ${(error as Error).message}`;
  }
  const minutes = ms / 60_000;
  if (
    !Number.isInteger(minutes) ||
    minutes < bounds.min ||
    minutes > bounds.max
  ) {
    return `${field}: must be whole minutes, from ${bounds.text}`;
  }
  return minutes;
}

const policySchema = z.strictObject({
  description: z.string().max(500).optional(),
  rules: z.array(ruleSchema).min(1).max(20),
  maxSloDataAge: durationSchema.optional(),
});

/** Settings of the policy area (`reliability.policy.*`). */
export interface PolicyConfig {
  /** Policies by name (the built-in `default` unless replaced), tier assignments and the default policy. */
  policySet: PolicySet;
  /** How often every entity with SLOs is evaluated and changes are recorded. */
  refreshInterval: HumanDuration;
  /** Days state changes, gate answers and expired overrides are kept. */
  retentionDays: number;
  /** Gate answers kept per entity. */
  answersPerEntity: number;
  /** Longest allowed override, from its creation. */
  maxOverrideMs: number;
  /**
   * What the deploy gate answers on SLO figures older than the collection cadence allows: `decide` (the policy's
   * decision, said to be on old data), `warn` (at least warn) or `deny`.
   */
  outdatedSloData: OutdatedSloDataAnswer;
  /** DEMO ONLY (`reliability.demo.seedDeployGate`): simulated deploy pipelines of the demo catalog ask the gate. */
  demoSeeding: boolean;
}

function configError(key: string, message: string): Error {
  return new Error(`Invalid config ${key}: ${message}`);
}

function readPolicies(config: Config): Record<string, ErrorBudgetPolicy> {
  const policies = { ...BUILT_IN_POLICY_SET.policies };
  const section = config.getOptionalConfig('reliability.policy.policies');
  for (const name of section?.keys() ?? []) {
    const key = `reliability.policy.policies.${name}`;
    if (!NAME.test(name)) {
      throw configError(
        key,
        'a policy name must be lower case letters, digits and "-"',
      );
    }
    const result = policySchema.safeParse(section!.get(name));
    if (!result.success) {
      const details = result.error.issues
        .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw configError(key, details);
    }
    const { maxSloDataAge, ...policy } = result.data;
    const rules = policy.rules.map(({ keepFor, ...rule }, index) => {
      if (keepFor === undefined) return rule;
      const keepForMinutes = readWholeMinutes(
        'keepFor',
        keepFor,
        KEEP_FOR_MINUTES,
      );
      if (typeof keepForMinutes === 'string') {
        throw configError(key, `rules.${index}.${keepForMinutes}`);
      }
      return { ...rule, keepForMinutes };
    });
    const maxSloDataAgeMinutes =
      maxSloDataAge === undefined
        ? undefined
        : readWholeMinutes(
            'maxSloDataAge',
            maxSloDataAge,
            MAX_DATA_AGE_MINUTES,
          );
    if (typeof maxSloDataAgeMinutes === 'string') {
      throw configError(key, maxSloDataAgeMinutes);
    }
    policies[name] = {
      name,
      ...policy,
      rules,
      ...(maxSloDataAgeMinutes !== undefined && { maxSloDataAgeMinutes }),
    };
  }
  return policies;
}

function requirePolicy(
  policies: Record<string, ErrorBudgetPolicy>,
  key: string,
  name: string,
): string {
  if (!policies[name]) {
    throw configError(
      key,
      `no policy '${name}' (known: ${Object.keys(policies).sort().join(', ')})`,
    );
  }
  return name;
}

function readPositiveInteger(
  config: Config,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw configError(key, `must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** Reads and validates every config key of the policy area; a mistake stops the backend with a message naming the key. */
export function readPolicyConfig(
  config: Config,
  logger: LoggerService,
): PolicyConfig {
  const policies = readPolicies(config);
  const tiers: Partial<Record<PolicyTier, string>> = {};
  const tierSection = config.getOptionalConfig('reliability.policy.tiers');
  for (const tier of tierSection?.keys() ?? []) {
    const key = `reliability.policy.tiers.${tier}`;
    if (!(POLICY_TIERS as readonly string[]).includes(tier)) {
      throw configError(key, `tiers are ${POLICY_TIERS.join(', ')}`);
    }
    tiers[tier as PolicyTier] = requirePolicy(
      policies,
      key,
      tierSection!.getString(tier),
    );
  }
  const defaultPolicy = requirePolicy(
    policies,
    'reliability.policy.defaultPolicy',
    config.getOptionalString('reliability.policy.defaultPolicy') ??
      DEFAULT_POLICY_NAME,
  );
  return {
    policySet: { policies, tiers, defaultPolicy },
    refreshInterval: readDuration(
      config,
      'reliability.policy.refreshInterval',
      { minutes: 5 },
      { logger, min: { minutes: 1 }, max: { days: 1 } },
    ),
    retentionDays: readPositiveInteger(
      config,
      'reliability.policy.retention.days',
      DEFAULT_POLICY_RETENTION_DAYS,
      3650,
    ),
    answersPerEntity: readPositiveInteger(
      config,
      'reliability.policy.deployGate.answersPerEntity',
      DEFAULT_ANSWERS_PER_ENTITY,
      1000,
    ),
    maxOverrideMs: readDurationMs(
      config,
      'reliability.policy.deployGate.maxOverrideDuration',
      { hours: 24 },
      { logger, min: { minutes: 5 }, max: { days: 7 } },
    ),
    outdatedSloData: readOutdatedSloData(config),
    demoSeeding: readDemoSeeding(config, logger),
  };
}

function readDemoSeeding(config: Config, logger: LoggerService): boolean {
  const on =
    config.getOptionalBoolean('reliability.demo.seedDeployGate') ?? false;
  if (on) {
    logger.warn(
      'reliability.demo.seedDeployGate is on: SIMULATED deploy pipelines of the demo catalog ask the deploy gate (answers by external:demo-pipeline) and a synthetic override is written. ' +
        'Never enable it in production (app-config.production.yaml turns it off).',
    );
  }
  return on;
}

function readOutdatedSloData(config: Config): OutdatedSloDataAnswer {
  const key = 'reliability.policy.deployGate.outdatedSloData';
  const value = config.getOptionalString(key) ?? 'decide';
  if (!OUTDATED_SLO_DATA_ANSWERS.includes(value as OutdatedSloDataAnswer)) {
    throw new Error(
      `Invalid ${key}: '${value}' (use ${OUTDATED_SLO_DATA_ANSWERS.join(
        ', ',
      )})`,
    );
  }
  return value as OutdatedSloDataAnswer;
}
