/*
 * BENCH_CATALOG_READS=conditional for benchmark-overview.ts: a permissions service that answers every caller's
 * catalog reads with a CONDITIONAL decision, as a policy built on the catalog's rules does (here IS_ENTITY_KIND
 * over every kind the benchmark seeds, so each caller still sees every entity), and allows everything else. The
 * catalog then applies the condition in its own queries (its by-query as well as the overview's reads), and the
 * overview treats the caller as one whose catalog reads are conditional (no services index for catalog filters,
 * the visibility check for `level`).
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** Every kind the benchmark's catalog holds (see fixtures.ts and the catalog rules in benchmark-overview.ts). */
const KINDS = ['component', 'system', 'domain', 'group'];

export const conditionalCatalogReads = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    return {
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async requests =>
        requests.map(({ permission }) =>
          permission.name === 'catalog.entity.read'
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: {
                  rule: 'IS_ENTITY_KIND',
                  resourceType: 'catalog-entity',
                  params: { kinds: KINDS },
                },
              }
            : { result: AuthorizeResult.ALLOW },
        ),
    };
  },
});
