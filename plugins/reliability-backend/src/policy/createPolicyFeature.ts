import {
  ChecklistFixTemplate,
  DeployGateUsageSummary,
  PolicySummary,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleDemoSeeder } from '../shared/demoSeeding';
import { scheduleRefresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { AreaDataReadiness } from '../dataReadiness';
import { readPolicyConfig } from './config';
import { DemoDeployPipeline } from './demo/DemoDeployPipeline';
import { DeployGateService } from './deployGate/DeployGateService';
import { PolicyListener } from './listener';
import { PolicyRefresher } from './PolicyRefresher';
import { PolicyService } from './PolicyService';
import { readReportScheduleConfig } from './reports/reportScheduleConfig';
import {
  ChecklistHistorySource,
  RunbookListSource,
} from './reports/reportSources';
import { ReportSender, SloReportNotifier } from './reports/SloReportNotifier';
import { SloReportService } from './reports/SloReportService';
import { createPolicyRouter } from './router';
import { SloStateSource } from './SloStateSource';
import { KnexPolicyStore } from './store/KnexPolicyStore';

/** The error-budget policy area: policy states, the deploy gate and SLO review reports. */
export interface PolicyFeature extends ReliabilityFeature {
  readonly name: 'policy';
  readonly service: PolicyService;
  /** The current policy state of each service (state, since): the overview's policy column. */
  readonly summaries: SummarySource<PolicySummary>;
  /** Pages of the refs of a kind in a policy state, ordered by ref: the overview's policy filter. */
  readonly policyStates: Pick<PolicyService, 'pageEntityRefsWithPolicyState'>;
  /** What the deploy gate would answer now, unrecorded (the assistants' deploy question). */
  readonly deployGate: Pick<DeployGateService, 'decide'>;
  /** When the deploy gate was last asked about each service (the checklist's `deploys-ask-gate` item). */
  readonly deployGateUsage: SummarySource<DeployGateUsageSummary>;
  /** What fills `deployGateUsage` after a start: requests, and in the demo the simulated pipelines (no task of its own). */
  readonly dataReadiness: AreaDataReadiness;
}

/** What the policy area reads from the SLO area. */
export interface PolicyFeatureDeps {
  /** SLO summaries: which entities have collected SLO data. */
  slo: SummarySource<SloSummary>;
  /** Per-SLO newest states and history (the SLO area's service). */
  sloStates: SloStateSource;
  /** The entities' runbooks, for the runbooks touched in a report's period (the runbooks area's service). */
  runbooks?: RunbookListSource;
  /** The entities' assessments, for the checklist changes of a report's period (the checklist area's service). */
  checklist?: ChecklistHistorySource;
  /** Where scheduled reports go out (the notifications area's notifier); without it none is scheduled. */
  reportSender?: ReportSender;
  /** Told about services whose policy state changed (the notifications area). */
  listener?: PolicyListener;
  /** The software template that adds a step asking the deploy gate to a pipeline, as the checklist names it. */
  deployGateTemplate?: () => ChecklistFixTemplate | undefined;
}

/**
 * Builds the policy area and schedules its refresher (`reliability-policy-refresh`, global, every
 * `reliability.policy.refreshInterval`), which evaluates every entity with SLO data, records state changes
 * and applies retention. With `reliability.reports.schedule` (and a report sender), also the global task
 * `reliability-reports-notify`, which sends each team its SLO review report once per cadence.
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
    outdatedSloData: config.outdatedSloData,
    listener: deps.listener,
    logger: ctx.logger,
    askTemplate: deps.deployGateTemplate,
  });

  const reports = new SloReportService({
    catalog: ctx.catalog,
    slos: deps.sloStates,
    policy: service,
    runbooks: deps.runbooks,
    checklist: deps.checklist,
    now: ctx.now,
  });
  const schedule = readReportScheduleConfig(ctx.config);
  if (schedule && !deps.reportSender) {
    ctx.logger.warn(
      'reliability.reports.schedule is set but the notifications area is not available: no report is sent',
    );
  } else if (schedule && deps.reportSender) {
    const notifier = new SloReportNotifier({
      catalog: ctx.catalog,
      auth: ctx.auth,
      reports,
      sender: deps.reportSender,
      logger: ctx.logger,
      now: ctx.now,
      everyWeeks: schedule.everyWeeks,
      owners: schedule.owners,
    });
    // Not the area's refresh: an extra global task, so one replica sends per cadence.
    await ctx.scheduler.scheduleTask({
      id: 'reliability-reports-notify',
      scope: 'global',
      frequency: schedule.frequency,
      ...(schedule.initialDelay ? { initialDelay: schedule.initialDelay } : {}),
      timeout: { minutes: 30 },
      fn: async signal => {
        await notifier.run(signal as AbortSignal | undefined);
      },
    });
  }

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
      listener: deps.listener,
    }),
  );

  let demoSeeder: DemoDeployPipeline | undefined;
  if (config.demoSeeding) {
    demoSeeder = new DemoDeployPipeline({
      catalog: ctx.catalog,
      auth: ctx.auth,
      deployGate,
      store,
      logger: ctx.logger,
      now: ctx.now,
    });
    // Not the area's refresh: simulated pipelines ask the gate about every six hours; a pass every 10 minutes
    // catches the demo catalog soon after it is ingested, before the checklist's first evaluations count.
    await scheduleDemoSeeder(ctx.scheduler, 'policy', demoSeeder, {
      frequency: { minutes: 10 },
      initialDelay: { seconds: 20 },
    });
  }

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
      reports,
    }),
    service,
    summaries: { getSummaries: refs => service.getSummaries(refs) },
    policyStates: service,
    deployGate,
    deployGateUsage: { getSummaries: refs => deployGate.lastAnswers(refs) },
    dataReadiness: { taskIds: [], demoSeeder },
  };
}
