import { SloSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleRefresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { readPolicyConfig } from './config';
import { DeployGateService } from './deployGate/DeployGateService';
import { PolicyRefresher } from './PolicyRefresher';
import { PolicyService } from './PolicyService';
import { SloReportService } from './reports/SloReportService';
import { createPolicyRouter } from './router';
import { SloStateSource } from './SloStateSource';
import { KnexPolicyStore } from './store/KnexPolicyStore';

/** The error-budget policy area: policy states, the deploy gate and SLO review reports. */
export interface PolicyFeature extends ReliabilityFeature {
  readonly name: 'policy';
  readonly service: PolicyService;
}

/** What the policy area reads from the SLO area. */
export interface PolicyFeatureDeps {
  /** SLO summaries: which entities have collected SLO data. */
  slo: SummarySource<SloSummary>;
  /** Per-SLO newest states and history (the SLO area's service). */
  sloStates: SloStateSource;
}

/**
 * Builds the policy area and schedules its refresher (`reliability-policy-refresh`, global, every
 * `reliability.policy.refreshInterval`), which evaluates every entity with SLO data, records state changes
 * and applies retention.
 */
export async function createPolicyFeature(
  ctx: ReliabilityContext,
  deps: PolicyFeatureDeps,
): Promise<PolicyFeature> {
  const config = readPolicyConfig(ctx.config, ctx.logger);
  const store = new KnexPolicyStore({ knex: ctx.knex });
  const service = new PolicyService({
    store,
    slos: deps.sloStates,
    policySet: config.policySet,
    now: ctx.now,
  });
  const deployGate = new DeployGateService({
    policy: service,
    store,
    now: ctx.now,
    answersPerEntity: config.answersPerEntity,
    maxOverrideMs: config.maxOverrideMs,
  });

  await scheduleRefresher(
    ctx.scheduler,
    'reliability-policy-refresh',
    {
      frequency: config.refreshInterval,
      timeout: { minutes: 10 },
      // After the SLO refresher's first collection.
      initialDelay: { minutes: 1 },
    },
    new PolicyRefresher({
      catalog: ctx.catalog,
      auth: ctx.auth,
      service,
      store,
      sloSummaries: deps.slo,
      logger: ctx.logger,
      now: ctx.now,
      retentionDays: config.retentionDays,
    }),
  );

  return {
    name: 'policy',
    router: createPolicyRouter({
      auth: ctx.auth,
      httpAuth: ctx.httpAuth,
      userInfo: ctx.userInfo,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      policy: service,
      deployGate,
      reports: new SloReportService({
        catalog: ctx.catalog,
        slos: deps.sloStates,
        policy: service,
        now: ctx.now,
      }),
    }),
    service,
  };
}
