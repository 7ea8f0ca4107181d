import { Entity } from '@backstage/catalog-model';

const RELIABILITY_KINDS = new Set(['component', 'system', 'resource']);

/**
 * Entities that get the Reliability and Maturity tabs: the things that run and can have SLOs, on-call and
 * runbooks (Components, Systems, Resources). An `EntitySwitch` condition.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  return RELIABILITY_KINDS.has(entity.kind.toLocaleLowerCase('en-US'));
}
