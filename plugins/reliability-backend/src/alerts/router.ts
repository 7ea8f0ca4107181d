import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { reliabilityAlertsWritePermission } from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { authorizeEntityWrite } from '../shared/authorizeEntityWrite';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { ownerQuerySchema } from '../shared/ownerQuery';
import { parseInput } from '../shared/parseInput';
import { AlertService } from './AlertService';
import { alertsBodySchema } from './embedded/alertsBodySchema';

/** Options of the alerts router: Backstage services, the area's service and the clock. */
export interface AlertsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: AlertService;
  now: () => Date;
}

/**
 * Routes of the alerts area:
 * `GET /entities/:kind/:namespace/:name/alerts` the entity's alerts with state, runbook, firings and noise, its
 * runbook coverage and gap;
 * `POST /entities/:kind/:namespace/:name/alerts` writes alerts and firings to the embedded source (idempotent);
 * `GET /alerts/coverage[?owner=group:default/team]` the organisation's (or a team's) coverage, noise and gaps.
 * Entities are read with the caller's credentials, so catalog permissions decide who sees what.
 */
export function createAlertsRouter(
  options: AlertsRouterOptions,
): express.Router {
  const { httpAuth, permissions, catalog, service, now } = options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const entity = await loadEntity(catalog, entityRef, credentials);
    res.json(await service.getEntityAlerts(entity, credentials));
  });

  router.post('/entities/:kind/:namespace/:name/alerts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    await authorizeEntityWrite({
      permissions,
      credentials,
      permission: reliabilityAlertsWritePermission,
      entityRef,
      deniedMessage: `Not allowed to write alerts for ${entityRef}`,
    });
    const body = parseInput(alertsBodySchema(now()), req.body, 'alerts');
    await loadEntity(catalog, entityRef, credentials);
    res.status(200).json(await service.ingest(entityRef, body));
  });

  router.get('/alerts/coverage', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseInput(ownerQuerySchema, req.query, 'query');
    res.json(await service.getCoverage(query.owner ?? null, credentials));
  });

  return router;
}
