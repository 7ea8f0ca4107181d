import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityLearningProgressPermission } from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromParams } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import { LearningService } from './LearningService';
import { learningProgressBodySchema } from './requestSchemas';

/** Options of {@link createLearningRouter}. */
export interface LearningRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: LearningService;
}

/**
 * Routes of learning paths: the signed-in user's paths with their own progress (`GET /learning/paths`), ticking an
 * item off and back (`PUT /learning/progress` with `done`, the caller's own progress only, permission
 * `reliability.learning.progress.update`), and a team's aggregated progress when the team opted in
 * (`GET /learning/teams/:namespace/:name`). Progress belongs to users: service callers are refused.
 */
export function createLearningRouter(
  options: LearningRouterOptions,
): express.Router {
  const { httpAuth, permissions, service } = options;
  const router = Router();

  router.get('/learning/paths', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await service.myPaths(credentials));
  });

  router.put('/learning/progress', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = parseInput(
      learningProgressBodySchema,
      req.body,
      'learning progress',
    );
    const [decision] = await permissions.authorize(
      [{ permission: reliabilityLearningProgressPermission }],
      { credentials },
    );
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not record learning progress (reliability.learning.progress.update)',
      );
    }
    res.json(await service.setDone(credentials, body));
  });

  router.get('/learning/teams/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const groupRef = entityRefFromParams({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    res.json(await service.teamProgress(groupRef, credentials));
  });

  return router;
}
