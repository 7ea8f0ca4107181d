import { HttpAuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReliabilitySearchDocumentsResponse } from '@internal/backstage-plugin-reliability-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import { RUNBOOK_ID_PATTERN } from './runbookIds';
import { RunbookService } from './RunbookService';
import {
  DEFAULT_SEARCH_PAGE_SIZE,
  MAX_SEARCH_CURSOR_LENGTH,
  MAX_SEARCH_PAGE_SIZE,
  readSearchEntityPage,
} from './search/searchEntityPage';
import { MAX_QUERY_LENGTH } from './searchRunbooks';

const listQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional(),
});

const searchDocumentsQuerySchema = z
  .object({
    cursor: z.string().min(1).max(MAX_SEARCH_CURSOR_LENGTH).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SEARCH_PAGE_SIZE)
      .default(DEFAULT_SEARCH_PAGE_SIZE),
  })
  .strict();

const runbookIdSchema = z.string().regex(RUNBOOK_ID_PATTERN, {
  message: 'must be a runbook id (a-z, 0-9, ".", "_", "-")',
});

/**
 * Routes of the runbooks feature:
 * `GET /entities/:kind/:namespace/:name/runbooks?q=` lists (and searches) an entity's runbooks with coverage,
 * `GET /entities/:kind/:namespace/:name/runbooks/:id` returns one runbook with its Markdown,
 * `GET /search/documents?cursor=&limit=` pages through the search documents (runbooks of every kind and SLOs)
 * of the entities that have any, for the search collator.
 * Entities are read with the caller's credentials, so catalog permissions decide who sees what.
 */
export function createRunbooksRouter(deps: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  service: RunbookService;
}): express.Router {
  const { httpAuth, catalog, service } = deps;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/runbooks', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const { q } = parseInput(listQuerySchema, req.query, 'runbook search');
    const entity = await loadEntity(catalog, entityRef, credentials);
    res.json(await service.list(entity, q));
  });

  router.get(
    '/entities/:kind/:namespace/:name/runbooks/:id',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entityRef = entityRefFromParams(req.params);
      const id = parseInput(runbookIdSchema, req.params.id, 'runbook id');
      const entity = await loadEntity(catalog, entityRef, credentials);
      res.json(await service.get(entity, id));
    },
  );

  router.get('/search/documents', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const page = parseInput(
      searchDocumentsQuerySchema,
      req.query,
      'search documents request',
    );
    const { entities, nextCursor } = await readSearchEntityPage(
      catalog,
      page,
      credentials,
    );
    const response: ReliabilitySearchDocumentsResponse = {
      documents: await service.searchDocuments(entities),
      nextCursor,
    };
    res.json(response);
  });

  return router;
}
