import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefFromParams, loadEntity } from '../shared/entityLoader';
import { buildGroupOnCall } from './buildGroupOnCall';
import { OnCallService } from './OnCallService';
import { OnCallStore } from './OnCallStore';

/** Most entities of one team the team view covers. */
const MAX_OWNED_ENTITIES = 500;
const OWNED_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

/** Values of `spec.owner` that name a group, besides the `relations.ownedBy` relation. */
function ownerSpellings(namespace: string, name: string): string[] {
  const full = `group:${namespace}/${name}`;
  return namespace === 'default' ? [full, `group:${name}`, name] : [full];
}

/** Entities owned by a group, read with the caller's credentials. */
async function ownedEntities(
  catalog: CatalogService,
  groupRef: string,
  namespace: string,
  name: string,
  credentials: Parameters<CatalogService['queryEntities']>[1]['credentials'],
): Promise<Entity[]> {
  const entities = new Map<string, Entity>();
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: 100, fields: OWNED_ENTITY_FIELDS }
        : {
            filter: [
              { 'relations.ownedBy': groupRef },
              { 'spec.owner': ownerSpellings(namespace, name) },
            ],
            fields: OWNED_ENTITY_FIELDS,
            limit: 100,
          },
      { credentials },
    );
    for (const entity of page.items) {
      const kind = entity.kind.toLocaleLowerCase('en-US');
      if (kind === 'group' || kind === 'user') continue;
      entities.set(stringifyEntityRef(entity), entity);
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor && entities.size < MAX_OWNED_ENTITIES);
  return [...entities.values()].slice(0, MAX_OWNED_ENTITIES);
}

/** Routes of the on-call feature. */
export function createOnCallRouter(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  service: OnCallService;
  store: OnCallStore;
  now: () => Date;
  /** Materialised state older than this is fetched again by the team view. */
  maxAgeMs: number;
}): express.Router {
  const { httpAuth, catalog, service, store } = options;
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
    if (group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(`${groupRef} is not a group`);
    }
    const namespace = req.params.namespace.toLocaleLowerCase('en-US');
    const name = req.params.name.toLocaleLowerCase('en-US');
    const entities = await ownedEntities(
      catalog,
      groupRef,
      namespace,
      name,
      credentials,
    );
    res.json(
      await buildGroupOnCall({
        groupRef,
        entities,
        service,
        store,
        now: options.now(),
        maxAgeMs: options.maxAgeMs,
      }),
    );
  });

  return router;
}
