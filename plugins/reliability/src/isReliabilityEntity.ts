import { Entity } from '@backstage/catalog-model';

const RELIABILITY_KINDS = new Set(['component', 'system', 'resource']);

/** Entities that get a Reliability tab: the things that run and can have SLOs, on-call and runbooks. */
export function isReliabilityEntity(entity: Entity): boolean {
  return RELIABILITY_KINDS.has(entity.kind.toLocaleLowerCase('en-US'));
}
