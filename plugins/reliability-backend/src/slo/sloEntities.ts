import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  hasSloDefinitions,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';

/** Fields of catalog entities the SLO area needs (resolving files needs the source-location annotations). */
const SLO_ENTITY_FIELDS = ['kind', 'metadata', 'spec.type', 'spec.owner'];
const PAGE_SIZE = 100;

/**
 * Pages of the catalog entities that declare SLOs (any kind: components, systems, domains, ...), read with
 * the plugin's own credentials. An entity whose SLO annotations are empty is left out (`hasSloDefinitions`).
 */
export async function* sloEntityPages(
  catalog: CatalogService,
  auth: AuthService,
): AsyncGenerator<Entity[]> {
  const credentials = await auth.getOwnServiceCredentials();
  const pages = catalogEntityPages(
    catalog,
    {
      // An array of filters matches entities satisfying any of them.
      filter: [
        {
          [`metadata.annotations.${ANNOTATIONS.sloDefinitions}`]:
            CATALOG_FILTER_EXISTS,
        },
        {
          [`metadata.annotations.${ANNOTATIONS.sloInline}`]:
            CATALOG_FILTER_EXISTS,
        },
      ],
      fields: SLO_ENTITY_FIELDS,
      pageSize: PAGE_SIZE,
    },
    credentials,
  );
  for await (const page of pages) {
    const withSlos = page.filter(hasSloDefinitions);
    if (withSlos.length > 0) {
      yield withSlos;
    }
  }
}

/** Every catalog entity that declares SLOs (see {@link sloEntityPages}). */
export async function listSloEntities(
  catalog: CatalogService,
  auth: AuthService,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of sloEntityPages(catalog, auth)) {
    entities.push(...page);
  }
  return entities;
}
