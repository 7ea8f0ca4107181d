import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import { SYSTEM_DOMAIN_FIELDS } from '../shared/componentGroups';
import { LoadedSummaries } from './sources';

/** `spec.owner` / `spec.system` / `spec.domain` shorthand resolved against the entity's namespace. */
export function relatedRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | null {
  if (typeof value !== 'string' || !value.trim()) {
    return null;
  }
  try {
    return entityRefKey(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    );
  } catch {
    return null;
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

/** Tier annotation of an entity, or null. */
export function tierOf(entity: Entity): string | null {
  return text(entity.metadata.annotations?.[ANNOTATIONS.tier]);
}

/** System ref of a component, resolved against its namespace. */
export function systemRefOf(entity: Entity): string | null {
  return relatedRef(
    entity.spec?.system,
    'system',
    entity.metadata.namespace ?? 'default',
  );
}

/**
 * Domains of the systems of a page of services, in ONE catalog call (`getEntitiesByRefs` with the system refs).
 * Systems the caller may not see resolve to no domain.
 */
export async function loadSystemDomains(
  catalog: CatalogService,
  systemRefs: string[],
  credentials: BackstageCredentials,
): Promise<Map<string, string>> {
  const refs = [...new Set(systemRefs)];
  const domains = new Map<string, string>();
  if (refs.length === 0) {
    return domains;
  }
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: refs, fields: SYSTEM_DOMAIN_FIELDS },
    { credentials },
  );
  items.forEach((system, index) => {
    const domain = system ? domainRefOfSystem(system) : null;
    if (domain) {
      domains.set(refs[index], domain);
    }
  });
  return domains;
}

/** A System's domain (`spec.domain` resolved against its namespace), read with {@link SYSTEM_DOMAIN_FIELDS}. */
export function domainRefOfSystem(system: Entity): string | null {
  return relatedRef(
    system.spec?.domain,
    'domain',
    system.metadata.namespace ?? 'default',
  );
}

/**
 * What the overview lists of a service before the areas' summaries are joined in: its catalog fields, its
 * normalised owner and system refs and its system's domain. Read from the catalog, or from the overview's
 * services index (which stores exactly this).
 */
export type ServiceListing = Pick<
  ServiceOverviewRow,
  | 'entityRef'
  | 'name'
  | 'namespace'
  | 'title'
  | 'type'
  | 'lifecycle'
  | 'owner'
  | 'system'
  | 'domain'
  | 'tier'
>;

/** The listing of a catalog service, with its system's domain from `domains` (system ref to domain ref). */
export function listingOf(
  entity: Entity,
  domains: Map<string, string>,
): ServiceListing {
  const namespace = entity.metadata.namespace ?? 'default';
  const system = systemRefOf(entity);
  return {
    entityRef: entityRefKey(entity),
    name: entity.metadata.name,
    namespace,
    title: text(entity.metadata.title),
    type: text(entity.spec?.type),
    lifecycle: text(entity.spec?.lifecycle),
    owner: relatedRef(entity.spec?.owner, 'group', namespace),
    system,
    domain: system ? domains.get(system) ?? null : null,
    tier: tierOf(entity),
  };
}

/** Joins a service's listing with the areas' summaries into one overview row. */
export function rowOf(
  listing: ServiceListing,
  summaries: LoadedSummaries,
): ServiceOverviewRow {
  const { entityRef } = listing;
  const slo = summaries.slo.get(entityRef);
  const oncall = summaries.oncall.get(entityRef);
  const runbooks = summaries.runbooks.get(entityRef);
  const maturity = summaries.maturity.get(entityRef);
  const policy = summaries.policy?.get(entityRef);
  return {
    ...listing,
    slo: slo
      ? {
          sloCount: slo.sloCount,
          worstBudgetRemaining: slo.worstBudgetRemaining,
          alerting: slo.alerting,
          slosMeetingTarget: slo.slosMeetingTarget,
          stale: slo.stale,
        }
      : null,
    onCall: oncall
      ? {
          primary: oncall.primary,
          until: oncall.primaryUntil,
          provider: oncall.provider,
          error: oncall.error,
        }
      : null,
    runbooks: runbooks
      ? {
          runbookCount: runbooks.runbookCount,
          staleCount: runbooks.staleCount,
          coverage: runbooks.coverage,
        }
      : null,
    maturity: maturity
      ? { level: maturity.level, score: maturity.score }
      : null,
    policy: policy
      ? { state: policy.state, decision: policy.decision, since: policy.since }
      : null,
  };
}

/** Joins a catalog service with its system's domain and the areas' summaries into one overview row. */
export function toServiceRow(
  entity: Entity,
  domains: Map<string, string>,
  summaries: LoadedSummaries,
): ServiceOverviewRow {
  return rowOf(listingOf(entity, domains), summaries);
}
