import {
  AuthService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { authorOf } from '../shared/authorOf';
import { parseInput } from '../shared/parseInput';
import { BackgroundWorkService } from './BackgroundWorkService';
import { taskIdParamsSchema, triggerBodySchema } from './requestSchemas';
import { isReliabilityAdmin } from '../shared/isReliabilityAdmin';

/** Options of {@link createBackgroundWorkRouter}. */
export interface BackgroundWorkRouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  service: BackgroundWorkService;
}

/**
 * `GET /background-work` (signed-in users and services): each background task's schedule, last run and state.
 * Failures' messages (which may name internal hosts or vendor responses) and runners' host names only for callers
 * allowed `reliability.admin`; everyone else sees that a run failed. `POST /background-work/:taskId/trigger`
 * (`reliability.admin` only, with a reason): runs a task now, e.g. after fixing a provider's configuration (a global
 * task on one replica within seconds, a local one on every replica within about a minute).
 */
export function createBackgroundWorkRouter(
  options: BackgroundWorkRouterOptions,
): express.Router {
  const { auth, httpAuth, userInfo, permissions, service } = options;
  const router = Router();

  router.get('/background-work', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await service.list(await isReliabilityAdmin(permissions, credentials)),
    );
  });

  router.post('/background-work/:taskId/trigger', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!(await isReliabilityAdmin(permissions, credentials))) {
      throw new NotAllowedError(
        'Running a background task now needs the reliability.admin permission',
      );
    }
    const { taskId } = parseInput(taskIdParamsSchema, req.params, 'task');
    const { reason } = parseInput(triggerBodySchema, req.body, 'trigger');
    const by = await authorOf(credentials, auth, userInfo);
    res.json(await service.trigger(taskId, { reason, by }));
  });

  return router;
}
