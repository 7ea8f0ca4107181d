import { createActionsFeature } from './actions';
import { createAlertsFeature } from './alerts';
import { createCampaignsFeature } from './campaigns';
import { ReliabilityContext } from './context';
import { ReliabilityFeature } from './feature';
import { createChecklistFeature } from './checklist';
import { createIncidentsFeature } from './incidents';
import { createNotificationsFeature } from './notifications';
import { createOnCallFeature } from './oncall';
import { createOverviewFeature } from './overview';
import { createPolicyFeature } from './policy';
import { createRunbooksFeature } from './runbooks';
import { createSloFeature, sliEventsBodySchema } from './slo';

/**
 * Creates every area of the backend, in dependency order; each later area receives what it reads from the
 * earlier ones explicitly:
 *
 *   slo -> oncall -> runbooks (slo definitions) -> alerts (slo summaries, runbook index)
 *       -> incidents (runbook documents) -> notifications (listeners told by checklist and campaigns)
 *       -> checklist (slo, oncall, runbooks summaries) -> campaigns (checklist levels and passing items)
 *       -> policy (slo summaries and states; runbooks and checklist history and the notifier for its reports)
 *       -> overview (every summary, the maturity level and policy state indexes, slo definitions and states,
 *          the runbook index)
 *       -> actions (the services of every area, registered as actions for AI assistants)
 */
export async function createFeatures(
  ctx: ReliabilityContext,
): Promise<ReliabilityFeature[]> {
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
  });
  const checklist = await createChecklistFeature(ctx, {
    slo: slo.summaries,
    oncall: oncall.summaries,
    runbooks: runbooks.summaries,
    listener: notifications.checklist,
  });
  const campaigns = await createCampaignsFeature(ctx, {
    maturity: checklist.service,
    listener: notifications.campaigns,
  });
  const policy = await createPolicyFeature(ctx, {
    slo: slo.summaries,
    sloStates: slo.service,
    runbooks: runbooks.service,
    checklist: checklist.service,
    reportSender: notifications.notifier,
  });
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
  });
  return [
    slo,
    oncall,
    runbooks,
    alerts,
    incidents,
    notifications,
    checklist,
    campaigns,
    overview,
    policy,
    actions,
  ];
}
