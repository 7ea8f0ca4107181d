import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BURNDOWN_DEFAULT_POINTS,
  BURNDOWN_MAX_POINTS,
  reliabilitySliEventsWritePermission,
} from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { authorizeEntityWrite } from '../shared/authorizeEntityWrite';
import { parseInput } from '../shared/parseInput';
import { SloBurndownService } from './burndown/SloBurndownService';
import { sliEventsBodySchema } from './embedded/sliEventsSchema';
import { SliIngestService } from './embedded/SliIngestService';
import { SloService } from './SloService';

/** Longest history range served. */
export const MAX_HISTORY_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

const sloNameSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._-]+$/);

const historyQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const burndownQuerySchema = z
  .object({
    points: z.coerce
      .number()
      .int()
      .min(2)
      .max(BURNDOWN_MAX_POINTS)
      .default(BURNDOWN_DEFAULT_POINTS),
  })
  .strict();

/** Options of the SLO router: Backstage services, the area's services and the clock. */
export interface SloRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  service: SloService;
  burndown: SloBurndownService;
  ingest: SliIngestService;
  now: () => Date;
}

/** Routes of the SLO area: HTTP only (auth, input validation, permission checks); the work is the services'. */
export function createSloRouter(options: SloRouterOptions): express.Router {
  const { httpAuth, permissions, catalog, service, burndown, ingest, now } =
    options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const entity = await loadEntity(catalog, entityRef, credentials);
    res.json(await service.getEntitySlos(entity));
  });

  router.get(
    '/entities/:kind/:namespace/:name/slos/:slo/history',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entityRef = entityRefFromParams(req.params);
      const sloName = parseInput(sloNameSchema, req.params.slo, 'SLO name');
      const query = parseInput(historyQuerySchema, req.query, 'query');
      const to = query.to ? new Date(query.to) : now();
      const from = query.from
        ? new Date(query.from)
        : new Date(to.getTime() - 30 * DAY_MS);
      parseInput(
        z.object({
          range: z
            .number()
            .positive('from must be before to')
            .max(MAX_HISTORY_DAYS * DAY_MS, `at most ${MAX_HISTORY_DAYS} days`),
        }),
        { range: to.getTime() - from.getTime() },
        'history range',
      );
      const entity = await loadEntity(catalog, entityRef, credentials);
      res.json(await service.getHistory(entity, sloName, from, to));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/slos/:slo/burndown',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entityRef = entityRefFromParams(req.params);
      const sloName = parseInput(sloNameSchema, req.params.slo, 'SLO name');
      const query = parseInput(burndownQuerySchema, req.query, 'query');
      const entity = await loadEntity(catalog, entityRef, credentials);
      res.json(await burndown.getBurndown(entity, sloName, query.points));
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/sli-events',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entityRef = entityRefFromParams(req.params);
      await authorizeEntityWrite({
        permissions,
        credentials,
        permission: reliabilitySliEventsWritePermission,
        entityRef,
        deniedMessage: `Not allowed to write SLI events for ${entityRef}`,
      });
      const body = parseInput(
        sliEventsBodySchema(now()),
        req.body,
        'SLI events',
      );
      await loadEntity(catalog, entityRef, credentials);
      const response = await ingest.ingest(
        entityRef,
        body.sli,
        body.events.map(event => ({
          start: new Date(event.start),
          end: new Date(event.end),
          good: event.good,
          total: event.total,
        })),
      );
      res.status(200).json(response);
    },
  );

  return router;
}
