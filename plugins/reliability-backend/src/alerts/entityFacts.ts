import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { relationRef } from '../shared/relationRef';

/** The kinds of entities that have alerts: services, resources, systems and APIs. */
export const ALERT_ENTITY_KINDS = ['component', 'resource', 'system', 'api'];

/** What the alerts area reads of an entity. */
export interface AlertEntityFacts {
  entityRef: string;
  kind: string;
  ownerRef: string | null;
  tier: string | null;
  /** Entities it depends on (`dependsOn` relations, else `spec.dependsOn`). */
  dependsOn: string[];
  /** Entities depending on it (`dependencyOf` relations). */
  dependencyOf: string[];
}

function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => entityRefKey(r.targetRef));
}

/** The facts of one entity. */
export function alertEntityFacts(entity: Entity): AlertEntityFacts {
  const namespace = entity.metadata.namespace ?? 'default';
  const owners = relationTargets(entity, 'ownedBy');
  const dependsOn = relationTargets(entity, 'dependsOn');
  const specDependsOn = Array.isArray(entity.spec?.dependsOn)
    ? (entity.spec!.dependsOn as unknown[])
        .map(value => relationRef(value, 'component', namespace))
        .filter((ref): ref is string => Boolean(ref))
    : [];
  return {
    entityRef: entityRefKey(entity),
    kind: entity.kind.toLowerCase(),
    ownerRef:
      owners[0] ?? relationRef(entity.spec?.owner, 'group', namespace) ?? null,
    tier: entity.metadata.annotations?.[ANNOTATIONS.tier]?.trim() || null,
    dependsOn: dependsOn.length > 0 ? dependsOn : specDependsOn,
    dependencyOf: relationTargets(entity, 'dependencyOf'),
  };
}
