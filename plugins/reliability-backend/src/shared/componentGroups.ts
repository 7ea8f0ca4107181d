import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';
import { relationRef } from './relationRef';

/** Key of the group of services without an owner, system or domain (not a scope of its own). */
export const UNASSIGNED = 'unassigned';

/** The catalog fields {@link groupKeyOf} reads of a component. */
export const COMPONENT_GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.owner',
  'spec.system',
];

/** The catalog fields {@link domainsOfSystems} reads of a system. */
export const SYSTEM_DOMAIN_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.domain',
];

/** Each system's domain (normalised refs), from systems read with {@link SYSTEM_DOMAIN_FIELDS}. */
export function domainsOfSystems(
  systems: Entity[],
): Map<string, string | undefined> {
  return new Map(
    systems.map(system => [
      entityRefKey(system),
      relationRef(
        system.spec?.domain,
        'domain',
        system.metadata.namespace ?? 'default',
      ),
    ]),
  );
}

/** The group a component belongs to for a roll-up dimension, or {@link UNASSIGNED}. */
export function groupKeyOf(
  component: Entity,
  by: RollupDimension,
  domainOfSystem: Map<string, string | undefined>,
): string {
  const namespace = component.metadata.namespace ?? 'default';
  const system = relationRef(component.spec?.system, 'system', namespace);
  let key: string | undefined;
  switch (by) {
    case 'team':
      key = relationRef(component.spec?.owner, 'group', namespace);
      break;
    case 'system':
      key = system;
      break;
    case 'domain':
      key = system ? domainOfSystem.get(system) : undefined;
      break;
    default:
      key = 'org';
  }
  return key ?? UNASSIGNED;
}
