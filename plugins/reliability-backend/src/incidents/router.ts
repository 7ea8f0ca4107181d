import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { reliabilityIncidentsWritePermission } from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { authorizeEntityWrite } from '../shared/authorizeEntityWrite';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { ownerQuerySchema } from '../shared/ownerQuery';
import { parseInput } from '../shared/parseInput';
import { incidentsBodySchema } from './embedded/incidentsBodySchema';
import { IncidentFollowUpService } from './followUp/IncidentFollowUpService';
import { IncidentService } from './IncidentService';

/** Options of the incidents router: Backstage services, the area's service and the clock. */
export interface IncidentsRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: IncidentService;
  followUp: IncidentFollowUpService;
  now: () => Date;
}

/**
 * Routes of the incidents area:
 * `GET /entities/:kind/:namespace/:name/incidents` the incidents of the last 90 days with MTTA/MTTR per severity,
 * `POST /entities/:kind/:namespace/:name/incidents` writes incidents to the embedded source (idempotent by id),
 * `GET /entities/:kind/:namespace/:name/postmortems` postmortems, missing and overdue ones, action items, launches;
 * `GET /incidents/follow-up[?owner=group:default/team]` missing and overdue postmortems and open action items of a
 * team, or the organisation's teams with the most overdue work.
 * Entities are read with the caller's credentials, so catalog permissions decide who sees what.
 */
export function createIncidentsRouter(
  options: IncidentsRouterOptions,
): express.Router {
  const { httpAuth, permissions, catalog, service, followUp, now } = options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/incidents', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const entity = await loadEntity(catalog, entityRef, credentials);
    res.json(await service.getEntityIncidents(entity, credentials));
  });

  router.post(
    '/entities/:kind/:namespace/:name/incidents',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entityRef = entityRefFromParams(req.params);
      await authorizeEntityWrite({
        permissions,
        credentials,
        permission: reliabilityIncidentsWritePermission,
        entityRef,
        deniedMessage: `Not allowed to write incidents for ${entityRef}`,
      });
      const body = parseInput(
        incidentsBodySchema(now()),
        req.body,
        'incidents',
      );
      await loadEntity(catalog, entityRef, credentials);
      const response = await service.ingest(
        entityRef,
        body.incidents.map(incident => ({
          id: incident.id,
          title: incident.title,
          severity: incident.severity,
          status: incident.status,
          startedAt: new Date(incident.startedAt).toISOString(),
          acknowledgedAt: incident.acknowledgedAt
            ? new Date(incident.acknowledgedAt).toISOString()
            : null,
          resolvedAt: incident.resolvedAt
            ? new Date(incident.resolvedAt).toISOString()
            : null,
          url: incident.url ?? null,
        })),
      );
      res.status(200).json(response);
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/postmortems',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entityRef = entityRefFromParams(req.params);
      const entity = await loadEntity(catalog, entityRef, credentials);
      res.json(await service.getEntityPostmortems(entity, credentials));
    },
  );

  router.get('/incidents/follow-up', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseInput(ownerQuerySchema, req.query, 'query');
    res.json(await followUp.getFollowUp(query.owner ?? null, credentials));
  });

  return router;
}
