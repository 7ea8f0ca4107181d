import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { loadEntity } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import { leaderboardQuerySchema, seriesQuerySchema } from './requestSchemas';
import { TrendsService } from './TrendsService';

/** Options of {@link createTrendsRouter}. */
export interface TrendsRouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  service: TrendsService;
}

/**
 * Read routes of the trends area (signed-in users and services): the daily series of a scope, of an entity, team,
 * system or domain the caller can see in the catalog (404 otherwise), or of the org; and the team leaderboard.
 */
export function createTrendsRouter(
  options: TrendsRouterOptions,
): express.Router {
  const { httpAuth, catalog, service } = options;
  const router = Router();

  router.get('/trends', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { scope, ref, days } = parseInput(
      seriesQuerySchema,
      req.query,
      'trend query',
    );
    if (scope !== 'org') {
      await loadEntity(catalog, ref, credentials);
    }
    res.json(await service.getSeries(scope, ref, days));
  });

  router.get('/trends/leaderboard', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { limit } = parseInput(
      leaderboardQuerySchema,
      req.query,
      'leaderboard query',
    );
    res.json(await service.getLeaderboard(limit, credentials));
  });

  return router;
}
