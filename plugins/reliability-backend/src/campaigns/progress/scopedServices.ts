import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { queryAllEntities } from '../../shared/catalogPages';
import {
  domainsOfSystems,
  SYSTEM_DOMAIN_FIELDS,
  UNASSIGNED,
} from '../../shared/componentGroups';
import { relationRef } from '../../shared/relationRef';

/** A service (catalog Component) with what campaign scopes filter on; refs normalised with entityRefKey. */
export interface ScopedService {
  entityRef: string;
  /** Owning group ref, or `unassigned`. */
  owner: string;
  system?: string;
  domain?: string;
  tier?: string;
  lifecycle?: string;
}

const COMPONENT_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  `metadata.annotations.${ANNOTATIONS.tier}`,
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
];

const text = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

/** A component as a scoped service; `domainOfSystem` maps system refs to their domain refs. */
export function scopedServiceOf(
  component: Entity,
  domainOfSystem: Map<string, string | undefined>,
): ScopedService {
  const namespace = component.metadata.namespace ?? 'default';
  const system = relationRef(component.spec?.system, 'system', namespace);
  return {
    entityRef: entityRefKey(component),
    owner: relationRef(component.spec?.owner, 'group', namespace) ?? UNASSIGNED,
    system,
    domain: system ? domainOfSystem.get(system) : undefined,
    tier: text(component.metadata.annotations?.[ANNOTATIONS.tier]),
    lifecycle: text(component.spec?.lifecycle),
  };
}

/**
 * Every service (Component) the credentials can see, with its owner, system, domain, tier and lifecycle:
 * two catalog listings (components, systems) with only the fields campaigns need.
 */
export async function loadScopedServices(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<ScopedService[]> {
  const [components, systems] = await Promise.all([
    queryAllEntities(
      catalog,
      { filter: { kind: 'component' }, fields: COMPONENT_FIELDS },
      credentials,
    ),
    queryAllEntities(
      catalog,
      {
        filter: { kind: 'system' },
        fields: SYSTEM_DOMAIN_FIELDS,
      },
      credentials,
    ),
  ]);
  const domainOfSystem = domainsOfSystems(systems);
  return components.map(c => scopedServiceOf(c, domainOfSystem));
}
