import express from 'express';
import { ReliabilityContext } from './context';

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
  void ctx;
  return features;
}
