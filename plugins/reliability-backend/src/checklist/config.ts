import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { DEFAULT_DEPLOY_GATE_ASKED_WITHIN_DAYS } from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';
import { readConfigSection, readDuration } from '../shared/config';

/** Configuration of the checklist area, read from `reliability.checklist.*` (and `reliability.demo.seedMaturity`). */
export interface ChecklistConfig {
  /** YAML file replacing or extending the default checklist. */
  file?: string;
  /** Whether `file` extends the default checklist (true) or replaces it (false). */
  extend: boolean;
  /**
   * How long a self-assessed answer counts, in days: the default validity of an answer and the longest one a
   * submitter may choose.
   */
  answerValidityDays: number;
  /** Share of SLO alerts (0..1) that must link a runbook for `runbook-coverage` to pass. */
  runbookCoverageThreshold: number;
  /** How recent the newest deploy-gate answer must be for `deploys-ask-gate` to pass, in days. */
  deployGateAskedWithinDays: number;
  /** Days after an entity left the catalog before its checklist history is deleted. */
  retentionDays: number;
  /** How often scores are re-evaluated (expiry, automatic checks) and retention applied. */
  refreshInterval: HumanDuration;
  /** Exemptions of single items (`reliability.checklist.exemptions`). */
  exemptions: ExemptionsConfig;
  /** DEMO ONLY (`reliability.demo.seedMaturity`): write synthetic assessment history and exemptions. */
  demoSeeding: boolean;
}

/** Configuration of checklist exemptions, read from `reliability.checklist.exemptions.*`. */
export interface ExemptionsConfig {
  /** Longest exemption that may be requested (and approved). */
  maxDuration: HumanDuration;
  /** Item ids whose exemptions are approved as soon as an owner requests them. */
  autoApprove: string[];
  /** Days closed exemptions (rejected, revoked, expired) are kept as history after they ended. */
  historyDays: number;
}

const KEY = 'reliability.checklist';

const schema = z.strictObject({
  file: z.string().min(1).max(1024).optional(),
  extend: z.boolean().default(false),
  answerValidityDays: z.number().int().min(1).max(1095).default(180),
  runbookCoverageThreshold: z.number().min(0).max(1).default(1),
  deployGateAskedWithinDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(DEFAULT_DEPLOY_GATE_ASKED_WITHIN_DAYS),
  retentionDays: z.number().int().min(1).max(3650).default(90),
  // Durations: validated by readDuration below.
  refreshInterval: z.unknown().optional(),
  refreshIntervalMinutes: z.unknown().optional(),
  exemptions: z
    .strictObject({
      // Duration: validated by readDuration below.
      maxDuration: z.unknown().optional(),
      autoApprove: z.array(z.string().min(1).max(64)).max(300).default([]),
      historyDays: z.number().int().min(1).max(3650).default(365),
    })
    .default({ autoApprove: [], historyDays: 365 }),
});

/**
 * Reads and validates `reliability.checklist`; throws a clear error at startup when it is invalid.
 * `refreshIntervalMinutes` (a number of minutes) still works, with a deprecation warning, when `refreshInterval`
 * is not set.
 */
export function readChecklistConfig(
  config: Config,
  logger: LoggerService,
): ChecklistConfig {
  const {
    refreshInterval: _interval,
    refreshIntervalMinutes: _minutes,
    exemptions: { maxDuration: _max, ...exemptions },
    ...values
  } = readConfigSection(config, KEY, schema);
  const demoSeeding =
    config.getOptionalBoolean('reliability.demo.seedMaturity') ?? false;
  if (demoSeeding) {
    logger.warn(
      'reliability.demo.seedMaturity is on: the demo catalog gets a SYNTHETIC assessment history and exemptions. ' +
        'Never enable it in production (app-config.production.yaml turns it off).',
    );
  }
  return {
    ...values,
    demoSeeding,
    exemptions: {
      ...exemptions,
      maxDuration: readDuration(
        config,
        `${KEY}.exemptions.maxDuration`,
        { days: 180 },
        { logger, min: { days: 1 }, max: { days: 1095 } },
      ),
    },
    refreshInterval: readDuration(
      config,
      `${KEY}.refreshInterval`,
      { minutes: 60 },
      {
        deprecated: { key: `${KEY}.refreshIntervalMinutes`, unit: 'minutes' },
        logger,
        min: { minutes: 5 },
        max: { hours: 24 },
      },
    ),
  };
}
