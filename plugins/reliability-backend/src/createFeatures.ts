import {
  DeployGateUsageSummary,
  fixTemplateOfCheck,
} from '@internal/backstage-plugin-reliability-common';
import { createActionsFeature } from './actions';
import { createAlertsFeature } from './alerts';
import { createBackgroundWorkFeature } from './backgroundWork';
import { createCampaignsFeature } from './campaigns';
import { ReliabilityContext } from './context';
import { areasHaveData } from './dataReadiness';
import { ReliabilityFeature } from './feature';
import { createChecklistFeature } from './checklist';
import { createIncidentsFeature } from './incidents';
import { createLearningFeature } from './learning';
import { createNotificationsFeature } from './notifications';
import { createOnCallFeature } from './oncall';
import { createOverviewFeature } from './overview';
import { createPolicyFeature } from './policy';
import { createRunbooksFeature } from './runbooks';
import { createSloFeature, sliEventsBodySchema } from './slo';
import { createTrendsFeature } from './trends';
import { LateSummarySource } from './summaries';

/**
 * Creates every area of the backend, in dependency order; each later area receives what it reads from the
 * earlier ones explicitly. The background-work area comes first: every other area registers its tasks with its
 * scheduler, which records their runs (and leaves the global ones to worker replicas where background tasks are
 * off).
 *
 *   backgroundWork (scheduler) -> slo -> oncall -> runbooks (slo definitions) -> alerts (slo summaries, runbook index)
 *       -> incidents (runbook documents) -> notifications (slo summaries and page history, runbook index, background
 *          work; listeners told by checklist, campaigns and policy)
 *       -> checklist (slo, oncall, runbooks, alerts, incidents summaries; the policy area's deploy-gate answers,
 *          provided late: a LateSummarySource) -> campaigns (checklist levels and passing items)
 *       -> trends (checklist summaries and roll-ups, slo states: daily snapshots, the team leaderboard)
 *       -> policy (slo summaries and states; runbooks and checklist history and the notifier for its reports; the
 *          notifications' listener for state changes)
 *       -> overview (every summary, the maturity level and policy state indexes, slo definitions and states,
 *          the runbook index, the campaigns' services)
 *       -> learning (the runbook index: titles of the runbooks and postmortems a team's learning path names)
 *       -> actions (the services of every area, background work's included, registered as actions for AI assistants)
 */
export async function createFeatures(
  context: ReliabilityContext,
): Promise<ReliabilityFeature[]> {
  const startedAt = context.now();
  const backgroundWork = createBackgroundWorkFeature(context);
  const ctx: ReliabilityContext = {
    ...context,
    scheduler: backgroundWork.scheduler,
  };
  const slo = await createSloFeature(ctx);
  const oncall = await createOnCallFeature(ctx);
  const runbooks = await createRunbooksFeature(ctx, {
    sloDefinitions: slo.definitions,
  });
  const alerts = await createAlertsFeature(ctx, {
    slo: slo.summaries,
    runbooks: runbooks.service,
  });
  const incidents = await createIncidentsFeature(ctx, {
    documents: runbooks.service,
  });
  const notifications = await createNotificationsFeature(ctx, {
    slo: slo.summaries,
    sloPages: slo.service,
    runbooks: runbooks.index,
    backgroundWork: backgroundWork.service,
  });
  // The checklist reads the deploy gate's answers, and the policy area the checklist's history: provided below,
  // with the policy area's readiness.
  const deployGateUsage = new LateSummarySource<DeployGateUsageSummary>(
    'the deploy gate usage',
  );
  const automaticCheckAreas = [slo, oncall, runbooks, alerts, incidents].map(
    area => area.dataReadiness,
  );
  const checklist = await createChecklistFeature(ctx, {
    slo: slo.summaries,
    oncall: oncall.summaries,
    runbooks: runbooks.summaries,
    alerts: alerts.summaries,
    incidents: incidents.summaries,
    deployGate: deployGateUsage,
    listener: notifications.checklist,
    demoAutomaticDataReady: () =>
      areasHaveData(automaticCheckAreas, backgroundWork.service, startedAt),
  });
  const campaigns = await createCampaignsFeature(ctx, {
    maturity: checklist.service,
    listener: notifications.campaigns,
  });
  const trends = await createTrendsFeature(ctx, {
    maturity: checklist.service,
    slos: slo.service,
  });
  const policy = await createPolicyFeature(ctx, {
    slo: slo.summaries,
    sloStates: slo.service,
    runbooks: runbooks.service,
    checklist: checklist.service,
    reportSender: notifications.notifier,
    listener: notifications.policy,
    deployGateTemplate: () =>
      fixTemplateOfCheck(checklist.service.checklist, 'deploys-ask-gate'),
  });
  deployGateUsage.provide(policy.deployGateUsage);
  automaticCheckAreas.push(policy.dataReadiness);
  const overview = await createOverviewFeature(ctx, {
    slo: slo.summaries,
    oncall: oncall.summaries,
    runbooks: runbooks.summaries,
    maturity: checklist.summaries,
    maturityLevels: checklist.maturityLevels,
    policy: policy.summaries,
    policyStates: policy.policyStates,
    sloDefinitions: slo.definitions,
    runbookIndex: runbooks.index,
    sloStates: slo.service,
    campaigns: campaigns.service,
  });
  const learning = await createLearningFeature(ctx, {
    runbookIndex: runbooks.index,
  });
  const actions = await createActionsFeature(ctx, {
    slos: slo.service,
    sliEvents: slo.ingest,
    sliEventsSchema: sliEventsBodySchema,
    onCall: oncall.service,
    runbooks: runbooks.service,
    maturity: checklist.service,
    overview: overview.overview,
    tour: overview.tour,
    backgroundWork: backgroundWork.service,
    deployGate: policy.deployGate,
    policyStates: policy.service,
  });
  return [
    backgroundWork,
    slo,
    oncall,
    runbooks,
    alerts,
    incidents,
    notifications,
    checklist,
    campaigns,
    trends,
    overview,
    policy,
    learning,
    actions,
  ];
}
