import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { QueryEntitiesInitialRequest } from '@backstage/catalog-client';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { OverviewFilters } from './overviewQuery';
import { MaturityLevelIndex } from './sources';

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

/** Largest number of entity refs a reliability-data filter may pre-select (bounds the catalog predicate). */
export const MAX_PRESELECTED_REFS = 20_000;

/** The catalog part of an overview query: everything `queryEntities` needs except paging. */
type CatalogPredicate = NonNullable<QueryEntitiesInitialRequest['query']>;

export interface ServiceCatalogQuery {
  filter: Record<string, string | string[]>;
  query?: CatalogPredicate;
  orderFields: Array<{ field: string; order: 'asc' | 'desc' }>;
  fullTextFilter?: { term: string; fields: string[] };
}

/** Normalises a user-supplied ref or bare name (`payments`, `group:payments`) to `kind:namespace/name`. */
export function normaliseRef(value: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`Invalid ${defaultKind} reference '${value}'`);
  }
}

/** Catalog predicate matching exactly the given entity refs (grouped by namespace, so names stay short). */
function refsPredicate(entityRefs: string[]): CatalogPredicate {
  const byNamespace = new Map<string, string[]>();
  for (const ref of entityRefs) {
    const { namespace, name } = parseEntityRef(ref);
    const names = byNamespace.get(namespace);
    if (names) {
      names.push(name);
    } else {
      byNamespace.set(namespace, [name]);
    }
  }
  const perNamespace = [...byNamespace].map(([namespace, names]) => {
    const inNamespace: CatalogPredicate = { 'metadata.namespace': namespace };
    const named: CatalogPredicate = { 'metadata.name': { $in: names } };
    return { $all: [inNamespace, named] } as CatalogPredicate;
  });
  return { $any: perNamespace } as CatalogPredicate;
}

/**
 * Translates overview filters into one catalog query. Catalog fields (team, system, tier, free text) become
 * catalog filters. Two filters pre-select in one query each, so the total stays constant:
 *  - `domain`: one catalog query for the domain's systems, then `relations.partOf` any of them;
 *  - `level` (reliability data, not in the catalog): one query to the maturity index for the refs at that
 *    level, then a catalog predicate restricting the query to those refs (`level=none` excludes the refs
 *    assessed at another level, so never-assessed services match too).
 * Returns null when a pre-selection is already empty (no catalog query needed).
 */
export async function buildServiceCatalogQuery(options: {
  filters: OverviewFilters;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  maturityLevels?: MaturityLevelIndex;
}): Promise<ServiceCatalogQuery | null> {
  const { filters, catalog, credentials, maturityLevels } = options;
  const filter: Record<string, string | string[]> = { kind: 'component' };
  if (filters.team) {
    filter['relations.ownedBy'] = normaliseRef(filters.team, 'group');
  }
  if (filters.tier) {
    filter[`metadata.annotations.${ANNOTATIONS.tier}`] = filters.tier;
  }
  const systems: string[][] = [];
  if (filters.system) {
    systems.push([normaliseRef(filters.system, 'system')]);
  }
  if (filters.domain) {
    const domainRef = normaliseRef(filters.domain, 'domain');
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'system', 'relations.partOf': domainRef },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    systems.push(
      items.map(system =>
        stringifyEntityRef(system).toLocaleLowerCase('en-US'),
      ),
    );
  }
  if (systems.length > 0) {
    const allowed = systems.reduce((a, b) => a.filter(ref => b.includes(ref)));
    if (allowed.length === 0) {
      return null;
    }
    filter['relations.partOf'] = allowed.length === 1 ? allowed[0] : allowed;
  }

  let query: CatalogPredicate | undefined;
  if (filters.level) {
    if (!maturityLevels) {
      throw new InputError(
        'The level filter needs the maturity checklist, which is not installed',
      );
    }
    const level = filters.level.toLocaleLowerCase('en-US');
    const match = level === 'none' ? 'notEqual' : 'equal';
    const refs = await maturityLevels.entityRefsWithLevel(level, match);
    if (refs.length > MAX_PRESELECTED_REFS) {
      throw new InputError(
        `The level filter matches more than ${MAX_PRESELECTED_REFS} services; combine it with another filter`,
      );
    }
    if (match === 'equal' && refs.length === 0) {
      return null;
    }
    if (refs.length > 0) {
      query =
        match === 'equal' ? refsPredicate(refs) : { $not: refsPredicate(refs) };
    }
  }

  // The catalog sorts by one field (ties keep its stable internal order).
  const orderFields = [
    { field: ORDER_FIELDS[filters.sort], order: filters.order },
  ];
  return {
    filter,
    query,
    orderFields,
    fullTextFilter: filters.q
      ? { term: filters.q, fields: FULL_TEXT_FIELDS }
      : undefined,
  };
}
