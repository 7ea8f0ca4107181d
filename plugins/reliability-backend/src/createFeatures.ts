import { createActionsFeature } from './actions';
import { createCampaignsFeature } from './campaigns';
import { ReliabilityContext } from './context';
import { ReliabilityFeature } from './feature';
import { createChecklistFeature } from './checklist';
import { createIncidentsFeature } from './incidents';
import { createOnCallFeature } from './oncall';
import { createOverviewFeature } from './overview';
import { createPolicyFeature } from './policy';
import { createRunbooksFeature } from './runbooks';
import { createSloFeature, sliEventsBodySchema } from './slo';

/**
 * Creates every area of the backend, in dependency order; each later area receives what it reads from the
 * earlier ones explicitly:
 *
 *   slo -> oncall -> runbooks (slo definitions) -> incidents (runbook documents)
 *       -> checklist (slo, oncall, runbooks summaries) -> campaigns (checklist levels and passing items)
 *       -> overview (every summary, the maturity level index, slo definitions)
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
  const incidents = await createIncidentsFeature(ctx, {
    documents: runbooks.service,
  });
  const checklist = await createChecklistFeature(ctx, {
    slo: slo.summaries,
    oncall: oncall.summaries,
    runbooks: runbooks.summaries,
  });
  const campaigns = await createCampaignsFeature(ctx, {
    maturity: checklist.service,
  });
  const overview = await createOverviewFeature(ctx, {
    slo: slo.summaries,
    oncall: oncall.summaries,
    runbooks: runbooks.summaries,
    maturity: checklist.summaries,
    maturityLevels: checklist.maturityLevels,
    sloDefinitions: slo.definitions,
  });
  const policy = await createPolicyFeature(ctx, {
    slo: slo.summaries,
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
    incidents,
    checklist,
    campaigns,
    overview,
    policy,
    actions,
  ];
}
