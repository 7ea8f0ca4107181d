import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { OnCallService } from './OnCallService';

/**
 * Routes of the on-call area:
 * `GET /entities/:kind/:namespace/:name/oncall` the on-call state of an entity,
 * `GET /groups/:namespace/:name/oncall` the team view of a group.
 * Entities are read with the caller's credentials, so catalog permissions decide who sees what.
 */
export function createOnCallRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  service: OnCallService;
}): express.Router {
  const { httpAuth, catalog, service } = options;
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/oncall', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = entityRefFromParams(req.params);
    const entity = await loadEntity(catalog, entityRef, credentials);
    res.json(await service.getEntityOnCall(entity));
  });

  router.get('/groups/:namespace/:name/oncall', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const groupRef = entityRefFromParams({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const group = await loadEntity(catalog, groupRef, credentials);
    if (group.kind.toLowerCase() !== 'group') {
      throw new InputError(`${groupRef} is not a group`);
    }
    res.json(await service.groupOnCall(groupRef, credentials));
  });

  return router;
}
