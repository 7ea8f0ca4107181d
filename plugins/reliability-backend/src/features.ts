import express from 'express';
import { ReliabilityContext } from './context';
import { createChecklistFeature } from './checklist/createChecklistFeature';
import { createOnCallFeature } from './oncall/createOnCallFeature';
import { createOverviewFeature } from './overview';
import { createRunbooksFeature } from './runbooks';
import { createSloFeature } from './slo/createSloFeature';

/**
 * One area of the suite (SLOs, on-call, runbooks, checklist, overview): its routes and its
 * background work. Areas are created in order, so later ones can use earlier ones' services.
 */
export interface ReliabilityFeature {
  name: string;
  router: express.Router;
  /** Schedules background tasks; called once after all features exist. */
  start?: () => Promise<void>;
}

/**
 * Creates every feature of the backend from the shared context, in dependency order:
 * slo -> oncall -> runbooks (reads slo) -> checklist (reads slo, oncall, runbooks) -> overview (reads all).
 */
export async function createFeatures(
  ctx: ReliabilityContext,
): Promise<ReliabilityFeature[]> {
  const features: ReliabilityFeature[] = [];
  const slo = createSloFeature(ctx);
  features.push(slo);
  const oncall = await createOnCallFeature(ctx);
  features.push(oncall);
  const runbooks = createRunbooksFeature(ctx, { slos: slo.definitions });
  features.push(runbooks);
  const checklist = await createChecklistFeature(ctx, {
    slo: slo.summaries,
    oncall: oncall.summaries,
    runbooks: runbooks.summaries,
  });
  features.push(checklist);
  const overview = createOverviewFeature(
    ctx,
    {
      slo: slo.summaries,
      oncall: oncall.summaries,
      runbooks: runbooks.summaries,
      maturity: checklist.summaries,
      maturityLevels: checklist.maturityLevels,
    },
    { sloDefinitions: slo.definitions },
  );
  features.push(overview);
  return features;
}
