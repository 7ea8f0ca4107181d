import { Entity } from '@backstage/catalog-model';
import { hasSloDefinitions } from '@internal/backstage-plugin-reliability-common';

const RELIABILITY_KINDS = new Set(['component', 'system', 'resource']);

/**
 * Entities that get the Reliability and Maturity tabs: the things that run and can have SLOs, on-call and
 * runbooks (Components, Systems, Resources), and any other entity that declares SLOs (a Domain's user-journey
 * SLOs, for example). An `EntitySwitch` condition.
 *
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  return (
    RELIABILITY_KINDS.has(entity.kind.toLowerCase()) ||
    hasSloDefinitions(entity)
  );
}
