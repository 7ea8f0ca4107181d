import express from 'express';
import Router from 'express-promise-router';
import { ReliabilityFeature } from './feature';
import { rejectPrototypeKeys } from './shared/rejectPrototypeKeys';

/** Largest accepted JSON body; ingest batches and assessments are far smaller. */
export const MAX_BODY_SIZE = '256kb';

/**
 * The plugin's HTTP API: a public health probe plus every feature's routes.
 * Authentication is enforced by the framework's http router for every path except /health.
 */
export function createRouter(features: ReliabilityFeature[]): express.Router {
  const router = Router();
  router.use(express.json({ limit: MAX_BODY_SIZE }));
  router.use(rejectPrototypeKeys);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  for (const feature of features) {
    router.use(feature.router);
  }
  return router;
}
