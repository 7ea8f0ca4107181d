import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { OverviewFilters } from './overviewQuery';

/** Catalog fields the overview reads for each service (never whole entities). */
export const SERVICE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
];

/** Catalog field each sort column maps to. */
const ORDER_FIELDS = {
  name: 'metadata.name',
  owner: 'spec.owner',
  system: 'spec.system',
  tier: `metadata.annotations.${ANNOTATIONS.tier}`,
} as const;

/** Fields the free-text filter searches. */
const FULL_TEXT_FIELDS = [
  'metadata.name',
  'metadata.title',
  'spec.owner',
  'spec.system',
];

/** The catalog part of an overview query: everything `queryEntities` needs except paging. */
export interface ServiceCatalogQuery {
  filter: Record<string, string | string[]>;
  orderFields: Array<{ field: string; order: 'asc' | 'desc' }>;
  fullTextFilter?: { term: string; fields: string[] };
  /**
   * With a domain filter: the domain of each system the query allows (all of them are parts of that domain), so
   * the page needs no lookup of its systems' domains.
   */
  systemDomains?: Map<string, string>;
}

/** Normalises a user-supplied ref or bare name (`payments`, `group:payments`) to `kind:namespace/name`. */
export function normaliseRef(value: string, defaultKind: string): string {
  try {
    return entityRefKey(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(`Invalid ${defaultKind} reference '${value}'`);
  }
}

/**
 * Translates the catalog part of overview filters (team, system, domain, tier, free text) into one catalog
 * query. `domain` pre-selects in one catalog query for the domain's systems, then `relations.partOf` any of
 * them. (`level` and `policy` are reliability data: {@link loadIndexedPage} pages over the maturity index or
 * the policy state index instead.)
 * Returns null when the domain pre-selection is already empty (no catalog query needed).
 */
export async function buildServiceCatalogQuery(options: {
  filters: OverviewFilters;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<ServiceCatalogQuery | null> {
  const { filters, catalog, credentials } = options;
  const filter: Record<string, string | string[]> = { kind: 'component' };
  if (filters.team) {
    filter['relations.ownedBy'] = normaliseRef(filters.team, 'group');
  }
  if (filters.tier) {
    filter[`metadata.annotations.${ANNOTATIONS.tier}`] = filters.tier;
  }
  const systems: string[][] = [];
  let domainRef: string | undefined;
  if (filters.system) {
    systems.push([normaliseRef(filters.system, 'system')]);
  }
  if (filters.domain) {
    domainRef = normaliseRef(filters.domain, 'domain');
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'system', 'relations.partOf': domainRef },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    systems.push(items.map(system => entityRefKey(system)));
  }
  if (systems.length > 0) {
    const allowed = systems.reduce((a, b) => a.filter(ref => b.includes(ref)));
    if (allowed.length === 0) {
      return null;
    }
    filter['relations.partOf'] = allowed.length === 1 ? allowed[0] : allowed;
  }
  const systemDomains = domainRef
    ? new Map(systems[systems.length - 1].map(ref => [ref, domainRef] as const))
    : undefined;

  // The catalog sorts by one field (ties keep its stable internal order).
  const orderFields = [
    { field: ORDER_FIELDS[filters.sort], order: filters.order },
  ];
  return {
    filter,
    orderFields,
    fullTextFilter: filters.q
      ? { term: filters.q, fields: FULL_TEXT_FIELDS }
      : undefined,
    systemDomains,
  };
}
