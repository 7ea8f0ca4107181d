import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityAdminPermission } from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { BackgroundWorkService } from './BackgroundWorkService';

/** Options of {@link createBackgroundWorkRouter}. */
export interface BackgroundWorkRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: BackgroundWorkService;
}

/**
 * `GET /background-work` (signed-in users and services): each background task's schedule, last run and state.
 * Failures' messages (which may name internal hosts or vendor responses) only for callers allowed
 * `reliability.admin`; everyone else sees that a run failed.
 */
export function createBackgroundWorkRouter(
  options: BackgroundWorkRouterOptions,
): express.Router {
  const { httpAuth, permissions, service } = options;
  const router = Router();

  router.get('/background-work', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: reliabilityAdminPermission }],
      { credentials },
    );
    res.json(await service.list(decision?.result === AuthorizeResult.ALLOW));
  });

  return router;
}
